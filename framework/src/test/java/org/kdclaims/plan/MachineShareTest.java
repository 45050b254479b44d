package org.kdclaims.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.kdclaims.plan.MachineShare.Jiffies;

/** The share of the machine other processes took decides whether a suite's speeds are learned. */
class MachineShareTest {

    @Test
    void procStatIsReadFromItsCpuLine() {
        Jiffies j = Jiffies.parse("cpu  100 5 20 300 10 1 2 3 0 0\ncpu0 50 2 10 150 5 0 1 1 0 0\nintr 1\n");
        assertThat(j.busy()).isEqualTo(100 + 5 + 20 + 1 + 2 + 3);
        assertThat(j.total()).isEqualTo(100 + 5 + 20 + 300 + 10 + 1 + 2 + 3);
        assertThatThrownBy(() -> Jiffies.parse("intr 1 2 3")).hasMessageContaining("cpu line");
    }

    @Test
    void othersAreTheMachinesBusyShareLessOurOwn() {
        Jiffies from = new Jiffies(0, 0);
        // 2 cores, 10 s: the machine was 90 % busy; we used 12 s of CPU (60 % of 20 core-seconds)
        Jiffies to = new Jiffies(1800, 2000);
        assertThat(MachineShare.others(from, to, 12_000_000_000L, 10_000_000_000L, 2)).isCloseTo(0.30, within());
        // we were the whole load: nothing left for others (never below 0)
        assertThat(MachineShare.others(from, to, 19_000_000_000L, 10_000_000_000L, 2)).isZero();
        assertThat(MachineShare.others(from, from, 1, 1, 2)).isNaN();
    }

    @Test
    void speedsAreLearnedOnAQuietMachineOrWhereTheShareIsUnknown() {
        assertThat(MachineShare.quiet(0.02)).isTrue();
        assertThat(MachineShare.quiet(MachineShare.MAX_OTHERS)).isTrue();
        assertThat(MachineShare.quiet(0.35)).isFalse();
        assertThat(MachineShare.quiet(Double.NaN)).isTrue();
        assertThat(MachineShare.describe(0.35)).isEqualTo("35% of the machine's CPU");
    }

    @Test
    void aShareIsMeasuredBetweenStartAndNow() {
        AtomicReference<Jiffies> machine = new AtomicReference<>(new Jiffies(1000, 4000));
        AtomicLong own = new AtomicLong(0);
        MachineShare share = new MachineShare(machine::get, own::get, 1);
        machine.set(new Jiffies(2000, 5000));   // fully busy since the start
        // our CPU time equals the wall time since the start: we were the load (within the clock's step)
        long wall = 0;
        long t0 = System.nanoTime();
        while (wall < 20_000_000L) {
            wall = System.nanoTime() - t0;
        }
        own.set(wall);
        assertThat(share.others()).isLessThan(0.05);
        own.set(0);   // we did nothing: all of it was someone else
        assertThat(share.others()).isGreaterThan(0.95);
        machine.set(null);
        assertThat(share.others()).isNaN();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
