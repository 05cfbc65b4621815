package io.github.threading4j.bench.runner;

public final class SideBySide {
    private SideBySide() {}

    public static int main(String[] args) {
        return 0;
    }
}
