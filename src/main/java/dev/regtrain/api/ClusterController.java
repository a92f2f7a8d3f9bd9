package dev.regtrain.api;

import dev.regtrain.jobs.JobCoordination;
import dev.regtrain.jobs.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The instances that share the store ({@code regtrain.store=postgres}), or this one alone with the file store. */
@RestController
@Tag(name = "Cluster")
class ClusterController {

    private final JobService jobs;

    ClusterController(JobService jobs) {
        this.jobs = jobs;
    }

    @Schema(description = "The instances sharing the store, the answering one first")
    record Cluster(@Schema(description = "The id of the instance that answered", example = "host:8080/4242")
                   String self, List<Member> instances) {
    }

    record Member(@Schema(description = "host:port/pid", example = "host:8080/4242") String id,
                  @Schema(description = "Where the instance serves", example = "http://host:8080") String url,
                  @Schema(description = "False once it stopped heartbeating; it stays listed until its jobs are "
                          + "taken over") boolean alive,
                  Instant lastHeartbeat,
                  @Schema(description = "Its training workers") int workers,
                  @Schema(description = "The ids of the jobs it trains") List<String> jobs) {
    }

    @GetMapping(path = "/api/v1/cluster", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getCluster", summary = "The instances sharing the store and the jobs each trains",
            description = "With regtrain.store=postgres, every live instance (and those that stopped heartbeating "
                    + "until another has taken over their jobs); with the file store, this instance alone.")
    Cluster cluster() {
        JobCoordination.View view = jobs.cluster();
        return new Cluster(view.self(), view.instances().stream().map(i -> new Member(i.id(), i.url(), i.alive(),
                i.lastHeartbeat(), i.workers(), i.jobs())).toList());
    }
}
