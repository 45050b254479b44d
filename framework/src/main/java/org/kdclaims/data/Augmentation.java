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
     * The number of distinct views of one image: (2 pad + 1)^2 crops, times 2 with flips. Every
     * augmented image is one of them, so a deterministic function of the image (a teacher's
     * output) has only this many values per image: its "orbit" (see {@code TeacherOrbit}).
     */
    public int views() {
        int crops = crop ? (2 * pad + 1) * (2 * pad + 1) : 1;
        return flip ? 2 * crops : crops;
    }

    /**
     * Draws one view from {@code random} in a fixed order (crop x, crop y, flip), so a seeded stream
     * gives the same view every run. The index is {@code ((dx + pad) * (2 pad + 1) + (dy + pad)) * 2
     * + mirror} (without flips: no factor 2).
     */
    public int draw(SplittableRandom random) {
        int side = 2 * pad + 1;
        int x = crop ? random.nextInt(side) : pad;
        int y = crop ? random.nextInt(side) : pad;
        int crops = crop ? x * side + y : 0;
        return flip ? 2 * crops + (random.nextBoolean() ? 1 : 0) : crops;
    }

    /**
     * Writes an augmented copy of one normalised C x H x W image ({@code source} at
     * {@code sourceOffset}) to {@code target} at {@code targetOffset}, the view drawn from
     * {@code random} ({@link #draw}); returns the view's index.
     */
    public int apply(float[] source, int sourceOffset, int channels, int height, int width,
                     float[] target, int targetOffset, SplittableRandom random) {
        int view = draw(random);
        apply(view, source, sourceOffset, channels, height, width, target, targetOffset);
        return view;
    }

    /** Writes view {@code view} (an index below {@link #views()}) of one image, as {@link #apply} does. */
    public void apply(int view, float[] source, int sourceOffset, int channels, int height, int width,
                      float[] target, int targetOffset) {
        if (view < 0 || view >= views()) {
            throw new IllegalArgumentException("view " + view + " is outside 0.." + (views() - 1) + " of " + this);
        }
        int side = 2 * pad + 1;
        int crops = flip ? view / 2 : view;
        boolean mirror = flip && view % 2 == 1;
        int dx = crop ? crops / side - pad : 0;
        int dy = crop ? crops % side - pad : 0;
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

    /** Names the augmentation in keys: two augmentations with the same name give the same views. */
    public String describe() {
        return isNone() ? "none" : "pad" + pad + (crop ? "-crop" : "") + (flip ? "-flip" : "");
    }

    @Override
    public String toString() {
        return isNone() ? "Augmentation[none]" : "Augmentation[pad " + pad + ", random crop, random flip]";
    }
}
