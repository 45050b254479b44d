package org.kdclaims.training;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGD with Nesterov momentum and coupled weight decay, in PyTorch's formulation
 * ({@code torch.optim.SGD(nesterov=True)}), on one flat parameter array:
 * <pre>
 *   g = grad + wd * p
 *   b = mu * b + g
 *   p = p - lr * (g + mu * b)
 * </pre>
 * The momentum buffer {@code b} holds gradients, not steps: when the learning rate drops, the very
 * next step is smaller. ND4J's {@code Nesterovs} keeps the learning rate inside its velocity, so after
 * a decay it keeps moving at the old rate for ~1/(1-mu) steps; on the pilot protocol that made the
 * training loss jump after every decay and ended 2.4 points above the PyTorch pilot.
 */
final class SgdNesterov implements AutoCloseable {
    private final LearningRateSchedule schedule;
    private final double momentum;
    private final double weightDecay;
    private final INDArray buffer;
    private int iteration;

    SgdNesterov(LearningRateSchedule schedule, double momentum, double weightDecay, long parameters) {
        this.schedule = schedule;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buffer = Nd4j.zeros(DataType.FLOAT, 1, parameters);
    }

    /** The learning rate of the next step. */
    double learningRate() {
        return schedule.valueAt(iteration, 0);
    }

    /** One step: updates {@code params} in place; {@code grads} is overwritten. */
    void step(INDArray params, INDArray grads) {
        double lr = learningRate();
        // in place, no temporaries: Axpy(x, y, z, a) is z = a * x + y
        if (weightDecay > 0) {
            Nd4j.exec(new Axpy(params, grads, grads, weightDecay));
        }
        Nd4j.exec(new Axpy(buffer, grads, buffer, momentum));
        Nd4j.exec(new Axpy(buffer, grads, grads, momentum));
        Nd4j.exec(new Axpy(grads, params, params, -lr));
        iteration++;
    }

    INDArray buffer() {
        return buffer;
    }

    int iteration() {
        return iteration;
    }

    void restore(float[] buffer, int iteration) {
        this.buffer.data().setData(buffer);
        this.iteration = iteration;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
