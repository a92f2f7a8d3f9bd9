package dev.regtrain.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.regtrain.config.JacksonConfiguration;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.common.ConflictException;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.jobs.JobService;
import dev.regtrain.models.ModelFiles;
import dev.regtrain.models.ModelService;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.Owner;
import dev.regtrain.jobs.ActiveJobsQuotaException;
import dev.regtrain.jobs.QueueFullException;
import dev.regtrain.security.StorageQuota;
import dev.regtrain.security.StorageQuotaExceededException;
import dev.regtrain.jobs.cores.EngineConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every kind of error is an RFC 9457 problem with a stable type, the right status and, for fields, the path. */
@WebMvcTest(controllers = {JobController.class, JobDataController.class, DatasetController.class})
@Import({JacksonConfiguration.class, EngineConfiguration.class, EventStreams.class, IdempotentRequests.class,
        dev.regtrain.common.DamageLog.class, RequestCallers.class})
@EnableConfigurationProperties({RegtrainProperties.class, dev.regtrain.security.SecurityProperties.class})
class ErrorContractTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    dev.regtrain.studies.StudyService studies;

    @MockitoBean
    ModelService models;

    @MockitoBean
    ModelFiles modelFiles;

    @MockitoBean
    DatasetService datasets;

    @MockitoBean
    dev.regtrain.idempotency.IdempotencyService idempotency;

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith("https://regtrain.dev/problems/")))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.instance").exists())
                .andExpect(noInternals());
    }

    private static ResultMatcher noInternals() {
        return result -> {
            String body = result.getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(body).doesNotContain("dev.regtrain", "java.", "tools.jackson",
                    "Exception", "\tat ", "trace", "/work/", "/tmp/");
        };
    }

    private MockHttpServletRequestBuilder job(String json) {
        return post("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void anUnknownFieldIsRejectedWithItsPath() throws Exception {
        perform(job("{\"dataset\": {\"builtin\": \"moons\"}, \"regularization\": {\"dropout\": {\"hiden\": 0.5}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regularization.dropout.hiden"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("is not a known field")));
        perform(job("{\"dataset\": {\"builtin\": \"moons\"}, \"traning\": {}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("traning"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
                        "did you mean 'training'?")));
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedWithItsPath() throws Exception {
        perform(job("{\"training\": {\"epochs\": \"ten\"}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("training.epochs"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        perform(job("{\"training\": {\"epochs\": 1.5}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("training.epochs"));
        perform(job("{\"training\": {\"shuffle\": 1}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("training.shuffle"));
        perform(job("{\"regularization\": {\"dropout\": {\"hidden\": [0.1, \"x\"]}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regularization.dropout.hidden[1]"));
        perform(job("{\"training\": {\"epochs\": 10000000000}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("training.epochs"));
        perform(job("[1, 2]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an object"));
    }

    @Test
    void brokenJsonIsAMalformedJsonProblem() throws Exception {
        for (String broken : List.of("{", "{\"seed\": NaN}", "{\"name\": \"x\", \"seed\": ", "{\"a\" 1}", "nul")) {
            perform(job(broken)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://regtrain.dev/problems/malformed-json"));
        }
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        perform(post("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)).andExpect(status().isBadRequest());
    }

    @Test
    void validationErrorsFromTheServiceKeepEveryFieldPath() throws Exception {
        given(jobs.submit(any())).willThrow(new InvalidRequestException(List.of(
                new FieldError("regularization.dropout.hidden[1]", "must be in [0, 1); got 1.0"),
                new FieldError("training.epochs", "must be between 1 and 100000"))));

        perform(job("{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("regularization.dropout.hidden[1]"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("2 problems")));
    }

    @Test
    void aFullQueueIs429WithRetryAfter() throws Exception {
        given(jobs.submit(any())).willThrow(new QueueFullException("the queue is full", Duration.ofSeconds(10)));

        perform(job("{}")).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "10"));
    }

    /** One shape for every quota: the kind's type and title, the quota's property, the owner, and the numbers. */
    @Test
    void theQuotasAreProblemsNamingTheQuotaTheOwnerAndTheNumbers() throws Exception {
        Owner owner = new Owner("team-a");
        given(jobs.submit(any())).willThrow(new ActiveJobsQuotaException(owner, 4, 4, Duration.ofSeconds(30)));
        perform(job("{}")).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("https://regtrain.dev/problems/active-jobs-quota-exceeded"))
                .andExpect(jsonPath("$.title").value("Active jobs quota exceeded"))
                .andExpect(jsonPath("$.quota").value("regtrain.security.quota.max-active-jobs"))
                .andExpect(jsonPath("$.owner").value("team-a"))
                .andExpect(jsonPath("$.activeJobs").value(4)).andExpect(jsonPath("$.limitJobs").value(4));

        org.mockito.BDDMockito.willThrow(new StorageQuotaExceededException(owner, new StorageQuota.Held(1000, 3000),
                4000, null)).given(jobs).submit(any());
        perform(job("{}")).andExpect(status().is(413)).andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://regtrain.dev/problems/storage-quota-exceeded"))
                .andExpect(jsonPath("$.title").value("Storage quota exceeded"))
                .andExpect(jsonPath("$.quota").value("regtrain.security.quota.max-stored-bytes"))
                .andExpect(jsonPath("$.owner").value("team-a"))
                .andExpect(jsonPath("$.storedBytes").value(4000)).andExpect(jsonPath("$.datasetBytes").value(1000))
                .andExpect(jsonPath("$.checkpointBytes").value(3000)).andExpect(jsonPath("$.limitBytes").value(4000))
                .andExpect(jsonPath("$.newDatasetBytes").doesNotExist())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("DELETE /api/v1/jobs/{id}")));
    }

    @Test
    void anUnknownJobIs404AndAConflictIs409() throws Exception {
        given(jobs.get(anyString())).willThrow(new NotFoundException("no job with id 'x'"));
        given(jobs.cancel(anyString())).willThrow(new ConflictException("job x is already SUCCEEDED"));

        perform(get("/api/v1/jobs/x")).andExpect(status().isNotFound());
        perform(post("/api/v1/jobs/x/cancel")).andExpect(status().isConflict());
    }

    @Test
    void wrongMethodsMediaTypesAndRoutesAreProblemsToo() throws Exception {
        perform(delete("/api/v1/jobs")).andExpect(status().isMethodNotAllowed())
                .andExpect(header().exists("Allow"));
        perform(post("/api/v1/jobs").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType());
        perform(post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
        perform(get("/api/v1/nothing-here")).andExpect(status().isNotFound());
        perform(get("/api/v1/jobs?limit=abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        perform(get("/api/v1/jobs?status=DONE")).andExpect(status().isBadRequest());
    }
}
