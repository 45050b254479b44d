package org.kdclaims.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.kdclaims.io.AtomicFiles;
import org.kdclaims.results.model.ClaimOrder;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The results directory of a test session, written piece by piece so that nothing already
 * measured is lost when a run fails or is killed:
 * <pre>
 *   &lt;dir&gt;/run.json                   RunInfo
 *   &lt;dir&gt;/claims/&lt;id&gt;_&lt;name&gt;.json   one ClaimResult per claim invocation
 * </pre>
 * Every file is written atomically (temp file + ATOMIC_MOVE). {@link #read()} merges them into
 * one {@link RunResults}; {@link #writeMerged(Path)} writes that as {@code results.json}.
 *
 * <p>The default directory is the system property {@code kd.results.dir}, else
 * {@code <kd.repo.root or user.dir>/target/kd-report}.
 */
public final class ResultsStore {
    public static final String RESULTS_DIR_PROPERTY = "kd.results.dir";
    public static final String RUN_FILE = "run.json";
    public static final String CLAIMS_DIR = "claims";
    private static final int MAX_NAME = 96;

    private final Path dir;

    private ResultsStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static ResultsStore at(Path dir) {
        return new ResultsStore(dir);
    }

    public static ResultsStore defaultStore() {
        return at(defaultDirectory());
    }

    /** {@code kd.results.dir}, else {@code <kd.repo.root or user.dir>/target/kd-report}. */
    public static Path defaultDirectory() {
        String explicit = System.getProperty(RESULTS_DIR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        String root = System.getProperty("kd.repo.root");
        if (root == null || root.isBlank()) {
            root = System.getProperty("user.dir");
        }
        return Paths.get(root, "target", "kd-report");
    }

    public Path directory() {
        return dir;
    }

    public Path claimsDirectory() {
        return dir.resolve(CLAIMS_DIR);
    }

    public void writeRun(RunInfo run) {
        try {
            AtomicFiles.write(dir.resolve(RUN_FILE), mapper().writeValueAsBytes(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RUN_FILE), e);
        }
    }

    /**
     * Writes one claim invocation to its own file. A second invocation with the same id and
     * display name gets a numbered file ({@code -2}, {@code -3}, ...) instead of overwriting.
     *
     * @return the file written
     */
    public Path writeClaim(ClaimResult claim) {
        try {
            byte[] json = mapper().writeValueAsBytes(claim);
            // synchronized: parallel test execution must not pick the same free name twice
            synchronized (ResultsStore.class) {
                Path file = freeName(claimFileName(claim));
                AtomicFiles.write(file, json);
                return file;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write claim " + claim.id() + " to " + claimsDirectory(), e);
        }
    }

    /** True if at least one claim file exists: there is something to report. */
    public boolean hasClaims() {
        return !claimFiles().isEmpty();
    }

    /** Deletes run.json and the claim files, for a session that starts afresh. */
    public void clear() {
        try {
            for (Path f : claimFiles()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir.resolve(RUN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** Merges run.json and all claim files; unreadable files are listed in {@code problems}. */
    public RunResults read() {
        List<String> problems = new ArrayList<>();
        RunInfo run = null;
        Path runFile = dir.resolve(RUN_FILE);
        if (Files.isRegularFile(runFile)) {
            try {
                run = mapper().readValue(runFile.toFile(), RunInfo.class);
            } catch (IOException | RuntimeException e) {
                problems.add(RUN_FILE + ": damaged (" + firstLine(e) + ")");
            }
        } else {
            problems.add(RUN_FILE + ": missing");
        }
        List<ClaimResult> claims = new ArrayList<>();
        for (Path f : claimFiles()) {
            try {
                ClaimResult c = mapper().readValue(f.toFile(), ClaimResult.class);
                if (c == null) {
                    throw new IOException("empty file");
                }
                claims.add(c);
            } catch (IOException | RuntimeException e) {
                problems.add(CLAIMS_DIR + "/" + f.getFileName() + ": damaged (" + firstLine(e) + ")");
            }
        }
        claims.sort(ClaimOrder.CLAIMS);
        return new RunResults(RunResults.SCHEMA, run, claims, problems);
    }

    /** Writes the merged results (normally {@code results.json}) atomically. */
    public RunResults writeMerged(Path file) {
        return write(read(), file);
    }

    /** Writes results (normally {@code results.json}, e.g. of a run merged from parts) atomically. */
    public static RunResults write(RunResults results, Path file) {
        try {
            AtomicFiles.write(file, mapper().writeValueAsBytes(results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return results;
    }

    /** Reads a merged {@code results.json}. */
    public static RunResults readMerged(Path file) throws IOException {
        return mapper().readValue(file.toFile(), RunResults.class);
    }

    /** Reads a results directory or a merged results file, whichever {@code path} is. */
    public static RunResults readAny(Path path) throws IOException {
        return Files.isDirectory(path) ? at(path).read() : readMerged(path);
    }

    /** {@code <id>_<displayName>.json}, reduced to characters safe on every file system. */
    static String claimFileName(ClaimResult claim) {
        String raw = nullToEmpty(claim.id());
        String name = nullToEmpty(claim.displayName());
        if (!name.isBlank() && !name.equals(raw)) {
            raw = raw + "_" + name;
        }
        String safe = raw.replaceAll("[^A-Za-z0-9._=+-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        if (safe.isEmpty()) {
            safe = "claim";
        }
        if (safe.length() > MAX_NAME) {
            // keep names short but distinct: the hash stands for the cut-off tail
            String hash = Integer.toHexString(raw.hashCode());
            safe = safe.substring(0, MAX_NAME - hash.length() - 1) + "-" + hash;
        }
        return safe;
    }

    private Path freeName(String base) {
        Path file = claimsDirectory().resolve(base + ".json");
        for (int i = 2; Files.exists(file); i++) {
            file = claimsDirectory().resolve(base + "-" + i + ".json");
        }
        return file;
    }

    private List<Path> claimFiles() {
        Path claimsDir = claimsDirectory();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(claimsDir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(claimsDir, "*.json")) {
            for (Path f : stream) {
                // dot files are temp files of a write in progress (or of a killed writer)
                if (!f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + claimsDir, e);
        }
        files.sort(null);
        return files;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }
}
