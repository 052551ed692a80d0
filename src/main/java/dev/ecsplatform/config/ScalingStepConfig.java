package dev.ecsplatform.config;

import java.util.Optional;

/** One step of a step scaling policy: a range of the metric and the change of the task count in it. */
@Doc(value = "A range of the metric's values and how many tasks to add (or, negative, remove) while the metric is in "
        + "it. A bound that is left out is taken from the neighbouring step; the first step reaches down to 0 and the "
        + "last one up without limit. Bounds are whole numbers of 0 or more, in the metric's unit, as the metrics "
        + "services scale on are (counts, percentages, milliseconds).", example = "{ lower: 100, change: 2 }")
public record ScalingStepConfig(
        @Range(min = 0, max = 1000000000)
        @Doc(value = "Where the step starts, in the metric's unit: the step applies from this value up.",
                rules = "less than `upper`; at or above the previous step's `upper`",
                omitted = "where the previous step ends; for the first step, 0")
        Optional<Integer> lower,

        @Range(min = 0, max = 1000000000)
        @Doc(value = "Where the step ends, in the metric's unit: the step applies below this value.",
                rules = "at or below the next step's `lower`",
                omitted = "where the next step starts; for the last step, no limit")
        Optional<Integer> upper,

        @Required("the number of tasks to add, e.g. 2, or to remove, e.g. -1")
        @Range(min = -1000, max = 1000)
        @Doc(value = "Tasks to add while the metric is in this step; negative removes tasks, 0 changes nothing. The "
                + "result stays within the service's task bounds.")
        int change) {
}
