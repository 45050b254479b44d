package org.kdclaims.data;

/**
 * Bad or missing input data. The message always names the file (or folder) at fault, what is
 * wrong with it and how to fix it, because it is usually read by someone setting up a machine,
 * not by the author of the code.
 *
 * <p>Only the (String) and (String, Throwable) constructors exist on purpose: when the exception
 * crosses a parallel stream, ForkJoin then rethrows this very instance instead of re-wrapping it.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
