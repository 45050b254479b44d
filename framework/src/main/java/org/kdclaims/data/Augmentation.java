package org.kdclaims.data;

import java.util.SplittableRandom;

/**
 * The paper's training augmentation: pad every side by {@code pad} pixels, crop a random
 * H x W window, and flip it horizontally with probability 0.5.
 *
 * <p>Padding is applied to the <em>normalised</em> image, with 0, i.e. the channel mean: padded
 * borders then carry no signal. (torchvision's usual RandomCrop(padding=4) before Normalize pads
 * with black instead, which becomes {@code -mean/std} after normalising.) The choice is the same
 * for every model compared, so comparisons between them do not depend on it.
 */
public final class Augmentation {
    private static final Augmentation NONE = new Augmentation(0, false, false);

    private final int pad;
    private final boolean crop;
    private final boolean flip;

    private Augmentation(int pad, boolean crop, boolean flip) {
        this.pad = pad;
        this.crop = crop;
        this.flip = flip;
    }

    /** No augmentation (evaluation). */
    public static Augmentation none() {
        return NONE;
    }

    /** Zero padding by {@code pad}, random crop back to the image size, random horizontal flip. */
    public static Augmentation padCropFlip(int pad) {
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be >= 0, got " + pad);
        }
        return new Augmentation(pad, true, true);
    }

    public boolean isNone() {
        return !crop && !flip;
    }

    public int pad() {
        return pad;
    }

    public boolean flips() {
        return flip;
    }

    /**
     * Writes an augmented copy of one normalised C x H x W image ({@code source} at
     * {@code sourceOffset}) to {@code target} at {@code targetOffset}. Draws from {@code random}
     * in a fixed order (crop x, crop y, flip), so a seeded stream gives the same result every run.
     */
    public void apply(float[] source, int sourceOffset, int channels, int height, int width,
                      float[] target, int targetOffset, SplittableRandom random) {
        int dx = crop ? random.nextInt(2 * pad + 1) - pad : 0;
        int dy = crop ? random.nextInt(2 * pad + 1) - pad : 0;
        boolean mirror = flip && random.nextBoolean();
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int src = sourceOffset + c * plane;
            int dst = targetOffset + c * plane;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    // Output column x of the flipped crop is column (width-1-x) of the crop.
                    int sx = (mirror ? width - 1 - x : x) + dx;
                    target[dst + y * width + x] = sy < 0 || sy >= height || sx < 0 || sx >= width
                            ? 0f : source[src + sy * width + sx];
                }
            }
        }
    }

    @Override
    public String toString() {
        return isNone() ? "Augmentation[none]" : "Augmentation[pad " + pad + ", random crop, random flip]";
    }
}
