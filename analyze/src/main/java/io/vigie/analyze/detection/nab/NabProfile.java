package io.vigie.analyze.detection.nab;

/** A named NAB scoring profile: "standard", "reward_low_FP_rate", "reward_low_FN_rate". */
public record NabProfile(String name, CostMatrix costs) {}
