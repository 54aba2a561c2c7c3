package io.vigie.app;

import io.vigie.runtime.service.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which stages a command runs: all of them, or the ones named by {@code --only}. */
final class StageSelection {
    private StageSelection() {}

    /** The stages named in {@code only} (all when empty), in the order of {@link Stages#all()}. */
    static List<Stage> select(List<Stage> all, List<String> only) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        Set<String> known = all.stream().map(Stage::name).collect(Collectors.toCollection(TreeSet::new));
        for (String name : only) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown stage '" + name + "': choose among "
                        + String.join(", ", known));
            }
        }
        List<Stage> chosen = new ArrayList<>();
        for (Stage stage : all) {
            if (only.contains(stage.name())) {
                chosen.add(stage);
            }
        }
        return chosen;
    }
}
