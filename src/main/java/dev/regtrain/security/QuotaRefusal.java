package dev.regtrain.security;

import dev.regtrain.common.Owner;
import java.util.Map;

/**
 * A request refused because its owner reached one of its quotas: which quota, whose, and the numbers. The problem it
 * becomes carries them as members ({@code quota}, {@code owner}, then each of {@link #amounts()}), one shape for every
 * quota.
 */
public interface QuotaRefusal {

    /** The property that sets the quota, e.g. {@code regtrain.security.quota.max-stored-bytes}. */
    String quota();

    Owner owner();

    /** The numbers by the problem members' names, each name with its unit ({@code storedBytes}), in order. */
    Map<String, Long> amounts();
}
