package dev.ecsplatform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU and memory combinations Fargate accepts (the table cfn-lint's E3047 checks), in MiB.
 * See "Task CPU and memory" in the Amazon ECS developer guide.
 */
public final class FargateSizes {

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = new TreeMap<>(Map.of(
            256, List.of(512, 1024, 2048),
            512, steps(1024, 4096, 1024),
            1024, steps(2048, 8192, 1024),
            2048, steps(4096, 16384, 1024),
            4096, steps(8192, 30720, 1024),
            8192, steps(16384, 61440, 4096),
            16384, steps(32768, 122880, 8192)));

    private FargateSizes() {
    }

    /** CPU units Fargate accepts. */
    public static List<Integer> cpuValues() {
        return List.copyOf(MEMORY_BY_CPU.keySet());
    }

    /** Memory sizes valid with {@code cpu}; empty when the CPU value itself is not valid. */
    public static List<Integer> memoryFor(int cpu) {
        return MEMORY_BY_CPU.getOrDefault(cpu, List.of());
    }

    private static List<Integer> steps(int from, int to, int step) {
        List<Integer> values = new ArrayList<>();
        for (int value = from; value <= to; value += step) {
            values.add(value);
        }
        return List.copyOf(values);
    }
}
