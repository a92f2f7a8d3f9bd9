package dev.regtrain.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.JobFilter;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.QueueFullException;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study lifecycle on a real job service with in-memory stores and workers the test drives. */
class StudyServiceTests {

    private final StudyHarness harness = new StudyHarness();

    static String request(String search, String extra) {
        return """
                {"name": "moons", "seed": 5,
                 "template": {"dataset": {"builtin": "moons", "samples": 60, "noise": 0.2},
                              "network": {"hidden": [{"units": 4}]},
                              "training": {"epochs": 6, "batchSize": 0, "optimizer": "adam", "learningRate": 0.05},
                              "regularization": {"earlyStopping": {"patience": 2}}},
                 "search": %s %s}
                """.formatted(search, extra);
    }

    static final String PATH = """
            {"method": "path", "parameters": {"regularization.penalty.l2": {"logRange": [0.1, 10], "count": 3}}}""";

    private StudyRecord create(String json) {
        return harness.studies.create(StudyHarness.parse(json));
    }

    private List<JobRecord> children(String studyId) {
        return harness.jobs.list(JobFilter.ofStudy(studyId), 100, null).jobs().stream()
                .sorted(Comparator.comparing(JobRecord::createdAt).thenComparing(j -> j.study().trial())).toList();
    }

    private List<String> fieldsOf(String json) {
        try {
            create(json);
        } catch (InvalidRequestException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("the study was accepted");
    }

    @Test
    void badStudiesAreRefusedNamingTheField() {
        assertThat(fieldsOf(request("""
                {"method": "grid", "parameters": {"regularization.penalty.l3": {"values": [1]}}}""", "")))
                .containsExactly("search.parameters.regularization.penalty.l3");
        assertThat(fieldsOf(request("""
                {"method": "grid", "parameters": {"regularization.dropout.hidden": {"values": [0.5, 1.0]}}}""", "")))
                .containsExactly("search.parameters.regularization.dropout.hidden");
        assertThat(fieldsOf(request("""
                {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [1, 2]},
                 "regularization.penalty.l1": {"values": [1, 2]}}}""", """
                , "selection": {"rule": "oneStandardError"}"""))).containsExactly("selection.rule");
        assertThat(fieldsOf(request(PATH, ", \"crossValidation\": {\"folds\": 1}")))
                .containsExactly("crossValidation.folds");
        assertThat(fieldsOf(request(PATH, ", \"crossValidation\": {\"folds\": 50}")))
                .containsExactly("crossValidation.folds");
        assertThat(fieldsOf(request(PATH, """
                , "crossValidation": {"folds": 3, "assignment": "modulo", "repeats": 2}""")))
                .containsExactly("crossValidation.repeats");
        assertThat(fieldsOf(request("""
                {"method": "path", "parameters": {"training.learningRate": {"values": [0.1, 0.01]}}}""", "")))
                .containsExactly("search.parameters.training.learningRate");
        assertThat(fieldsOf(request(PATH, "").replace("\"template\": {", "\"template\": {\"seed\": 1, ")))
                .containsExactly("template.seed");
        assertThat(fieldsOf(request(PATH, "").replace("\"epochs\": 6", "\"epochs\": 0")))
                .containsExactly("template.training.epochs");
        assertThat(fieldsOf(request("""
                {"method": "grid", "parameters": {"network.hidden[*].units": {"values": [4, 0]}}}""", "")))
                .containsExactly("search.parameters.network.hidden[*].units");
        assertThat(fieldsOf(request("""
                {"method": "random", "parameters": {"regularization.penalty.l2": {"logRange": [0.1, 10]}}}""", "")))
                .containsExactly("search.trials");
    }

    @Test
    void aStudyBeyondMaxStudyJobsIsRefused() {
        StudyHarness small = new StudyHarness("regtrain.limits.max-study-jobs", "9");

        assertThatThrownBy(() -> small.studies.create(StudyHarness.parse(request(PATH,
                ", \"crossValidation\": {\"folds\": 3}"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("search"));
    }

    @Test
    void aStudyWhoseFirstChildrenDoNotFitTheQueueIsRefusedAndCreatesNothing() {
        StudyHarness tight = new StudyHarness("regtrain.queue-capacity", "1");

        assertThatThrownBy(() -> tight.studies.create(StudyHarness.parse(request(PATH,
                ", \"crossValidation\": {\"folds\": 3}")))).isInstanceOf(QueueFullException.class);
        assertThat(tight.studyStore.page(java.util.Set.of(), 10, null).studies()).isEmpty();
        assertThat(tight.jobStore.page(JobFilter.ALL, 10, null).jobs()).isEmpty();
    }

    @Test
    void aPathRunsEachFoldsTrialsInTurnWarmStartingFromThePreviousTrialOfThatFold() {
        StudyRecord created = create(request(PATH, ", \"crossValidation\": {\"folds\": 3}, \"refit\": false"));

        assertThat(children(created.id())).as("two workers: two folds start, trial 0 of each")
                .extracting(j -> j.study().trial() + "/" + j.study().fold()).containsExactlyInAnyOrder("0/0", "0/1");
        harness.runAll();

        StudyRecord done = harness.studies.get(created.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.trials()).extracting(t -> t.parameters().get("regularization.penalty.l2"))
                .containsExactly(10.0, 1.0, 0.1);
        List<JobRecord> children = children(created.id());
        assertThat(children).hasSize(9).allSatisfy(j -> {
            assertThat(j.request().seed()).isEqualTo(5L);
            assertThat(j.request().crossValidation().folds()).isEqualTo(3);
            assertThat(j.request().crossValidation().fold()).isEqualTo(j.study().fold());
            assertThat(j.request().checkpoints().everyEpochs()).as("children write no periodic checkpoints")
                    .isZero();
        });
        for (JobRecord child : children) {
            TrialRecord trial = done.trials().get(child.study().trial());
            assertThat(child.request().regularization().penalty().l2())
                    .isEqualTo(trial.parameters().get("regularization.penalty.l2"));
            if (child.study().trial() == 0) {
                assertThat(child.request().initialWeights()).isNull();
            } else {
                String previous = done.trials().get(child.study().trial() - 1).folds().get(child.study().fold())
                        .job();
                assertThat(child.request().initialWeights().job()).isEqualTo(previous);
                assertThat(child.request().initialWeights().checkpoint()).isEqualTo("latest");
            }
        }
        assertThat(done.trials()).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(t.folds()).allSatisfy(f -> assertThat(f.value()).isPositive());
            assertThat(t.standardError()).isNotNull();
        });
        assertThat(done.result().selected()).isEqualTo(done.result().best());
        assertThat(done.jobsDone()).isEqualTo(9);
    }

    @Test
    void theRefitTrainsOnAllRowsForTheSelectedTrialsMeanBestEpochWithoutEarlyStopping() {
        StudyRecord created = create(request(PATH, ", \"crossValidation\": {\"folds\": 2}, "
                + "\"selection\": {\"rule\": \"oneStandardError\"}"));
        harness.runAll();

        StudyRecord done = harness.studies.get(created.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        JobRecord refit = harness.jobs.get(done.result().refitJob());
        TrialRecord selected = done.trials().get(done.result().selected().trial());
        assertThat(refit.study().refit()).isTrue();
        assertThat(refit.study().fold()).isNull();
        assertThat(refit.study().trial()).isEqualTo(selected.trial());
        assertThat(refit.request().validationSplit()).isZero();
        assertThat(refit.request().crossValidation()).isNull();
        assertThat(refit.request().regularization().earlyStopping()).isNull();
        assertThat(refit.request().training().epochs()).isEqualTo((int) Math.round(selected.meanBestEpoch()));
        assertThat(refit.request().regularization().penalty().l2())
                .isEqualTo(selected.parameters().get("regularization.penalty.l2"));
        assertThat(refit.data().trainingExamples()).isEqualTo(60);
        assertThat(done.jobs()).isEqualTo(7);
        assertThat(done.jobsDone()).isEqualTo(7);
    }

    @Test
    void aGridWithoutCrossValidationTrainsOneJobPerTrialOnTheTemplatesSplit() {
        StudyRecord created = create(request("""
                {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [0.1, 1]},
                 "network.hidden[*].units": {"values": [2, 3]}}}""", ", \"refit\": false"));
        harness.runAll();

        StudyRecord done = harness.studies.get(created.id());
        assertThat(done.trials()).extracting(t -> t.parameters().get("network.hidden[*].units"))
                .containsExactly(2.0, 3.0, 2.0, 3.0);
        assertThat(children(created.id())).hasSize(4).allSatisfy(j -> {
            assertThat(j.request().crossValidation()).isNull();
            assertThat(j.request().network().hidden().get(0).units())
                    .isEqualTo(done.trials().get(j.study().trial()).parameters().get("network.hidden[*].units")
                            .intValue());
        });
        assertThat(done.result().oneStandardError()).as("two parameters: no one-standard-error trial").isNull();
        assertThat(done.trials()).allSatisfy(t -> assertThat(t.standardError()).isNull());
    }

    @Test
    void aGridOverLabelSmoothingWritesEachValueIntoItsChildren() {
        StudyRecord created = create(request("""
                {"method": "grid", "parameters": {"regularization.labelSmoothing": {"values": [0.0, 0.2]}}}""",
                ", \"refit\": false"));
        harness.runAll();

        assertThat(children(created.id())).extracting(j -> j.request().regularization().labelSmoothing())
                .containsExactlyInAnyOrder(0.0, 0.2);
        assertThat(harness.studies.get(created.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void cancellingEndsQueuedChildrenAtOnceAndTheStudyOnceTheyHaveEnded() {
        StudyRecord created = create(request(PATH, ", \"crossValidation\": {\"folds\": 3}"));

        StudyRecord cancelled = harness.studies.cancel(created.id());
        harness.runAll();

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(children(created.id())).hasSize(2).allSatisfy(j -> assertThat(j.status())
                .isEqualTo(JobStatus.CANCELLED));
        assertThatThrownBy(() -> harness.studies.cancel(created.id())).isInstanceOf(ConflictException.class);
        assertThat(cancelled.history()).extracting(h -> h.status()).containsExactly(JobStatus.QUEUED,
                JobStatus.RUNNING, JobStatus.CANCELLED);
    }

    @Test
    void deleteRemovesTheStudyAndItsChildrenButOnlyOnceItEnded() {
        StudyRecord created = create(request(PATH, ", \"refit\": false"));
        assertThatThrownBy(() -> harness.studies.delete(created.id())).isInstanceOf(ConflictException.class);
        harness.runAll();
        List<JobRecord> children = children(created.id());

        harness.studies.delete(created.id());

        assertThat(children).hasSize(3);
        assertThat(children).allSatisfy(j -> assertThat(harness.jobs.exists(j.id())).isFalse());
        assertThatThrownBy(() -> harness.studies.get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStudyInterruptedByARestartEndsWithTheResultOfAnUninterruptedOne() {
        String json = request(PATH, ", \"crossValidation\": {\"folds\": 3}");
        StudyRecord uninterrupted = create(json);
        harness.runAll();
        StudyRecord expected = harness.studies.get(uninterrupted.id());

        StudyHarness other = new StudyHarness();
        StudyRecord created = other.studies.create(StudyHarness.parse(json));
        other.run(4);
        StudyHarness restarted = other.restart();
        restarted.runAll();
        StudyRecord resumed = restarted.studies.get(created.id());

        assertThat(resumed.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(resumed.trials()).extracting(TrialRecord::mean)
                .containsExactlyElementsOf(expected.trials().stream().map(TrialRecord::mean).toList());
        assertThat(resumed.trials()).extracting(TrialRecord::standardError)
                .containsExactlyElementsOf(expected.trials().stream().map(TrialRecord::standardError).toList());
        assertThat(resumed.result().selected().trial()).isEqualTo(expected.result().selected().trial());
        assertThat(restarted.jobs.list(JobFilter.ofStudy(created.id()), 100, null).jobs()).hasSize(10);
    }
}
