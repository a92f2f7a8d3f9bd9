package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regtrain.client.ApiClient;
import dev.regtrain.client.ApiException;
import dev.regtrain.client.api.JobsApi;
import dev.regtrain.client.api.KeysApi;
import dev.regtrain.client.api.OptionsApi;
import dev.regtrain.client.api.ResultsApi;
import dev.regtrain.client.model.CreatedKey;
import dev.regtrain.client.model.DatasetRequest;
import dev.regtrain.client.model.DropoutRequest;
import dev.regtrain.client.model.EarlyStoppingRequest;
import dev.regtrain.client.model.HiddenLayerRequest;
import dev.regtrain.client.model.JobRequest;
import dev.regtrain.client.model.JobResponse;
import dev.regtrain.client.model.KeyRequest;
import dev.regtrain.client.model.ModelDocument;
import dev.regtrain.client.model.NetworkRequest;
import dev.regtrain.client.model.PredictionRequest;
import dev.regtrain.client.model.PredictionsResponse;
import dev.regtrain.client.model.RegularizationRequest;
import dev.regtrain.client.model.TrainingRequest;
import dev.regtrain.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client that openapi-generator makes from openapi/openapi.yaml (at build time, validation on) against the
 * packaged service: submit, wait, predict, download the model, and a refusal as the client sees it.
 */
class GeneratedJavaClientIT {

    @TempDir
    Path dataDir;

    @Test
    void aServiceTrainsPredictsAndDownloadsTheModelThroughTheGeneratedClient() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        try (ServiceProcess service = ServiceProcess.start(dataDir, log)) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(service.baseUrl());
            JobsApi jobs = new JobsApi(client);
            ResultsApi results = new ResultsApi(client);

            JobRequest request = new JobRequest().name("java-client").seed(7L)
                    .dataset(new DatasetRequest().builtin(DatasetRequest.BuiltinEnum.MOONS)
                            .putAdditionalProperty("samples", 300))
                    .network(new NetworkRequest().hidden(List.of(new HiddenLayerRequest().units(16)
                            .activation(HiddenLayerRequest.ActivationEnum.TANH))))
                    .training(new TrainingRequest().epochs(30).optimizer(TrainingRequest.OptimizerEnum.ADAM)
                            .learningRate(0.01))
                    .regularization(new RegularizationRequest().dropout(new DropoutRequest().hidden(0.1))
                            .earlyStopping(new EarlyStoppingRequest()
                                    .monitor(EarlyStoppingRequest.MonitorEnum.VAL_LOSS).patience(5)));
            JobResponse submitted = jobs.submitJob(request, UUID.randomUUID().toString());
            assertThat(submitted.getStatus()).isIn(JobResponse.StatusEnum.QUEUED, JobResponse.StatusEnum.RUNNING);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jobs.getJob(submitted.getId()).getStatus() == JobResponse.StatusEnum.SUCCEEDED);
            JobResponse done = jobs.getJob(submitted.getId());
            assertThat(done.getRequest().getRegularization().getDropout().getHidden()).isEqualTo(List.of(0.1));
            assertThat(done.getBest()).isNotNull();
            assertThat(jobs.listJobs(List.of("SUCCEEDED"), 10, null, null).getJobs())
                    .anyMatch(j -> j.getId().equals(done.getId()) && j.getBest() != null && j.getStop() != null);

            PredictionsResponse predictions = results.predict(done.getId(), new PredictionRequest()
                    .inputs(List.of(List.of(0.0, 0.5), List.of(1.5, -0.4))));
            assertThat(predictions.getPredictions()).hasSize(2)
                    .allSatisfy(p -> assertThat(p.getProbabilities().stream().mapToDouble(Double::doubleValue).sum())
                            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));

            ModelDocument model = results.getModel(done.getId(), null, null);
            assertThat(model.getInputs()).isEqualTo(2);
            assertThat(model.getLayers()).hasSize(2);
            assertThat(results.getCheckpoint(done.getId(), "best", null, null).getEpoch()).isEqualTo(done.getBest().getEpoch());
            assertThat(new OptionsApi(client).getOptions().getRequest()).isNotEmpty();

            jobs.deleteJob(done.getId());
            assertThatThrownBy(() -> jobs.getJob(done.getId())).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.getCode()).isEqualTo(404));

            assertThatThrownBy(() -> jobs.submitJob(new JobRequest().dataset(new DatasetRequest()
                    .builtin(DatasetRequest.BuiltinEnum.MOONS)).training(new TrainingRequest().epochs(0)), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(400);
                        assertThat(e.getResponseBody()).contains("training.epochs");
                    });
        }
    }

    /** With keys on, the client sends its key through the native client's request interceptor (the bearerAuth scheme). */
    @Test
    void theGeneratedClientWorksWithAKeyAndIsRefusedWithoutOne() throws Exception {
        String admin = "rtk_the-admin-key-of-the-client-test";
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-keyed-service.log");
        try (ServiceProcess service = ServiceProcess.start(dataDir, log, "--regtrain.security.mode=api-key",
                "--regtrain.security.bootstrap-admin-key-sha256="
                        + Sha256.hex(admin.getBytes(StandardCharsets.UTF_8)))) {
            ApiClient anonymous = new ApiClient();
            anonymous.updateBaseUri(service.baseUrl());
            assertThatThrownBy(() -> new JobsApi(anonymous).listJobs(null, 10, null, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));

            ApiClient asAdmin = new ApiClient();
            asAdmin.updateBaseUri(service.baseUrl());
            asAdmin.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + admin));
            CreatedKey created = new KeysApi(asAdmin).createKey(new KeyRequest().owner("team-a")
                    .role(KeyRequest.RoleEnum.USER).name("java-client"));
            assertThat(created.getKey()).startsWith("rtk_");

            ApiClient asTeam = new ApiClient();
            asTeam.updateBaseUri(service.baseUrl());
            asTeam.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + created.getKey()));
            JobResponse submitted = new JobsApi(asTeam).submitJob(new JobRequest().name("keyed").seed(1L)
                    .dataset(new DatasetRequest().builtin(DatasetRequest.BuiltinEnum.MOONS))
                    .training(new TrainingRequest().epochs(2)), UUID.randomUUID().toString());
            assertThat(submitted.getOwner()).isEqualTo("team-a");
            assertThat(new JobsApi(asAdmin).getJob(submitted.getId()).getOwner()).isEqualTo("team-a");
            assertThatThrownBy(() -> new KeysApi(asTeam).listKeys())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
    }
}
