package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A query parameter the operation does not take, one without a value, or one given twice is a 400 naming it. */
class QueryParameterTests extends ServiceTest {

    private JsonNode refused(String uri) {
        String body = http.get().uri(uri).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).returnResult().getResponseBody();
        return read(body);
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }

    private static String message(JsonNode problem) {
        return problem.get("errors").get(0).get("message").asString();
    }

    @Test
    void anUnknownParameterIsRefusedWithTheOnesTheOperationTakes() {
        JsonNode problem = refused("/api/v1/jobs?limt=5");

        assertThat(field(problem)).isEqualTo("limt");
        assertThat(message(problem)).isEqualTo("is not a query parameter of this operation; did you mean 'limit'?; "
                + "it takes cursor, limit, status, study");
    }

    @Test
    void aTypoInAPreviewSettingIsRefusedInsteadOfPreviewingNothing() {
        String dataset = upload("?name=images&imageShape=2x2", "a,b,c,d,label\n0,1,0,1,x\n1,0,1,0,y\n0,0,1,1,x\n")
                .get("id").asString();

        JsonNode problem = refused("/api/v1/datasets/" + dataset + "/preview?rotationDegree=10");

        assertThat(field(problem)).isEqualTo("rotationDegree");
        assertThat(message(problem)).contains("did you mean 'rotationDegrees'?");
        http.get().uri("/api/v1/datasets/" + dataset + "/preview?rotationDegrees=10").exchange().expectStatus().isOk();
    }

    @Test
    void aParameterWithoutAValueIsRefused() {
        JsonNode problem = refused("/api/v1/jobs?limit=");

        assertThat(field(problem)).isEqualTo("limit");
        assertThat(message(problem)).isEqualTo("needs a value");
        assertThat(field(refused("/api/v1/datasets/builtin/shapes/preview?flipHorizontal"))).isEqualTo("flipHorizontal");
    }

    @Test
    void anEmptyMetricOnTheComparisonIsRefused() {
        String job = submit(moonsJob(1, ""));

        JsonNode problem = refused("/api/v1/plots/compare.png?jobs=" + job + "&metric=");

        assertThat(field(problem)).isEqualTo("metric");
        assertThat(message(problem)).startsWith("is not a query parameter of this operation");
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        JsonNode problem = refused("/api/v1/jobs?status=RUNNING&status=QUEUED");

        assertThat(field(problem)).isEqualTo("status");
        assertThat(message(problem)).isEqualTo("is given 2 times; give it once");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        JsonNode problem = refused("/api/v1/jobs?foo=1&limit=&bar=2");

        assertThat(problem.get("errors")).hasSize(3);
    }

    @Test
    void anOperationWithoutQueryParametersRefusesAny() {
        String body = http.post().uri("/api/v1/jobs?dryRun=true").contentType(org.springframework.http.MediaType
                .APPLICATION_JSON).body(moonsJob(1, "")).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(message(read(body))).isEqualTo("is not a query parameter of this operation; it takes none");
    }

    @Test
    void theParametersAnOperationTakesStillWork() {
        assertThat(getJson("/api/v1/jobs?status=RUNNING,QUEUED&limit=5").has("jobs")).isTrue();
        http.get().uri("/api/v1/datasets/builtin/shapes/preview?size=16&shift=2&samples=2&versions=2&seed=3")
                .exchange().expectStatus().isOk();
        JsonNode generatorTypo = refused("/api/v1/datasets/builtin/shapes/preview?sise=16");
        assertThat(field(generatorTypo)).isEqualTo("sise");
    }
}
