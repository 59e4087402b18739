package dev.ncsdk.appapi.app.files;

import dev.ncsdk.appapi.AppApiCredentials;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's files over WebDAV ({@code /remote.php/dav/files/<user>/}): list, stat, find by id, download, upload
 * (chunked above a size), create folders, move, copy and delete. Works for any Java program with an app password and
 * for an ExApp acting as a user; it sends through the {@link OcsClient}'s transport (its credentials, user agent and
 * HTTP client).
 *
 * <pre>{@code
 * try (OcsClient nc = OcsClient.builder().baseUri(URI.create("https://cloud.example.com"))
 *         .credentials(Credentials.appPassword("alice", Secret.fromEnv("NC_APP_PASSWORD"))).build()) {
 *     NextcloudFiles files = NextcloudFiles.of(nc, "alice");
 *     for (FileNode n : files.list("/Documents")) {
 *         log.log(INFO, n.name() + (n.isDirectory() ? "/" : " " + n.size()));
 *     }
 *     files.makedirs("/Backups/2026");
 *     files.upload("/Backups/2026/db.tar.gz", Path.of("db.tar.gz"));          // chunked when large
 *     files.download("/Documents/report.pdf", Path.of("report.pdf"));      // atomic: no partial file on failure
 * }
 * }</pre>
 *
 * <p>Paths are relative to the user's root, with or without a leading slash ({@code "Documents/a b.txt"}); they are
 * percent-encoded one segment at a time (spaces, {@code #}, {@code %}, {@code ?}, any Unicode), and a {@code ..}
 * segment is refused with {@link IllegalArgumentException}.
 *
 * <p>Failures are the SDK's exceptions: 404 {@link NcNotFoundException}, 403 {@link dev.ncsdk.ocs.NcForbiddenException},
 * 409 {@link dev.ncsdk.ocs.NcConflictException} (a parent folder is missing), 412 {@link
 * dev.ncsdk.ocs.NcPreconditionFailedException} (the target exists and overwrite is off), 423 {@link
 * FileLockedException}, 507 {@link InsufficientStorageException}; {@link DavError#of} reads sabre/dav's message.
 * Metadata calls (PROPFIND, SEARCH, MKCOL, MOVE, COPY, DELETE) go through the transport with its timeouts and
 * retries (only the reads are retried); file bodies are streamed, never held in memory, with a timeout on progress
 * ({@link Builder#idleTimeout}) instead of one on the whole transfer, and are not retried.
 *
 * <p>An ExApp: pass an OCS client with {@link AppApiCredentials}; when their user differs from {@code user} (the
 * system context has none, and AppAPI's WebDAV access needs one) the calls act as {@code user}.
 *
 * <p>Thread-safe and cheap: it holds no connection of its own. Closing the OCS client ends it too.
 *
 * @since 0.1.0
 */
public final class NextcloudFiles {
    /** Default size of an upload chunk: 10 MiB. */
    public static final long DEFAULT_CHUNK_SIZE = 10L * 1024 * 1024;
    /** Default size above which an upload is chunked: 10 MiB. */
    public static final long DEFAULT_CHUNKED_UPLOAD_THRESHOLD = 10L * 1024 * 1024;
    /** The smallest chunk Nextcloud's chunked upload v2 accepts (except the last): 5 MiB. */
    public static final long MIN_CHUNK_SIZE = 5L * 1024 * 1024;
    /** The largest chunk Nextcloud's chunked upload v2 accepts: 5 GiB. */
    public static final long MAX_CHUNK_SIZE = 5L * 1024 * 1024 * 1024;
    /** The most chunks one chunked upload v2 may have. */
    public static final int MAX_CHUNKS = 10_000;

    private static final String PROPS = "<d:prop><d:getlastmodified/><d:getetag/><d:getcontenttype/>"
            + "<d:resourcetype/><d:getcontentlength/><oc:fileid/><oc:permissions/><oc:size/><oc:favorite/></d:prop>";
    private static final byte[] PROPFIND = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<d:propfind xmlns:d=\"DAV:\" xmlns:oc=\"http://owncloud.org/ns\">" + PROPS + "</d:propfind>")
            .getBytes(StandardCharsets.UTF_8);
    private static final String XML = "application/xml; charset=utf-8";

    private final HttpTransport transport;
    private final String user;
    private final URI davRoot; // .../remote.php/dav
    private final URI filesRoot; // .../remote.php/dav/files/<user>
    private final String filesRootPath; // its decoded path, for hrefs
    private final long chunkSize;
    private final long threshold;
    private final long maxListingBytes;
    private final Duration assemblyTimeout;
    private final Streaming streaming;

    private NextcloudFiles(Builder b) {
        HttpTransport t = SdkAccess.hooks().transport(b.ocs);
        if (t.credentials() instanceof AppApiCredentials) {
            AppApiCredentials aa = (AppApiCredentials) t.credentials();
            if (!aa.userId().equals(b.user)) {
                t = t.withCredentials(aa.asUser(b.user));
            }
        }
        this.transport = t;
        this.user = b.user;
        this.davRoot = URI.create(b.ocs.baseUri().toString() + "/remote.php/dav");
        this.filesRoot = URI.create(davRoot + "/files/" + DavPaths.encodeSegment(b.user));
        this.filesRootPath = DavPaths.decode(filesRoot.getRawPath());
        this.chunkSize = b.chunkSize;
        this.threshold = b.threshold;
        this.maxListingBytes = b.maxListingBytes > 0 ? b.maxListingBytes : t.maxResponseBytes();
        this.assemblyTimeout = b.assemblyTimeout;
        Duration idle = b.idleTimeout != null ? b.idleTimeout : t.requestTimeout();
        this.streaming = new Streaming(t, idle, t.requestTimeout());
    }

    /**
     * The files of a user, with the defaults (10 MiB chunks above 10 MiB, the transport's request timeout as idle
     * timeout, the transport's size limit for listings, 5 minutes to assemble a chunked upload).
     *
     * <pre>{@code
     * NextcloudFiles files = NextcloudFiles.of(ocsClient, "alice");
     * }</pre>
     *
     * @param ocs the client whose base URL, credentials and transport are used; it stays the caller's to close
     * @param user the user id whose {@code /remote.php/dav/files/<user>/} tree is used
     * @return the files
     */
    public static NextcloudFiles of(OcsClient ocs, String user) {
        return builder(ocs, user).build();
    }

    /**
     * Starts a configuration.
     *
     * <pre>{@code
     * NextcloudFiles files = NextcloudFiles.builder(ocsClient, "alice")
     *         .chunkSize(64L << 20).chunkedUploadThreshold(64L << 20).idleTimeout(Duration.ofMinutes(2)).build();
     * }</pre>
     *
     * @param ocs the client whose base URL, credentials and transport are used
     * @param user the user id
     * @return a builder with the defaults
     */
    public static Builder builder(OcsClient ocs, String user) {
        return new Builder(ocs, user);
    }

    /**
     * Joins a folder and a name, as a file action's node gives them ({@code directory}, {@code name}), into a path.
     *
     * <pre>{@code
     * // in a file action handler: node = {"fileId": 42, "name": "a.txt", "directory": "/Documents", ...}
     * files.download(NextcloudFiles.join(node.get("directory"), node.get("name")), Path.of("/tmp/a.txt"));
     * }</pre>
     *
     * @param directory the folder ({@code "/"} or {@code ""} for the root)
     * @param name the item's name
     * @return the normalised path
     * @throws IllegalArgumentException when the result would contain {@code ..}
     */
    public static String join(String directory, String name) {
        Objects.requireNonNull(name, "name");
        return DavPaths.normalize((directory == null ? "" : directory) + "/" + name);
    }

    /**
     * The user whose files these are.
     *
     * <pre>{@code
     * String owner = files.user(); // "alice"
     * }</pre>
     *
     * @return the user id
     */
    public String user() {
        return user;
    }

    /**
     * The URL of a path.
     *
     * <pre>{@code
     * URI u = files.uri("/a b.txt"); // https://cloud.example.com/remote.php/dav/files/alice/a%20b.txt
     * }</pre>
     *
     * @param path the path
     * @return the absolute, encoded URL
     */
    public URI uri(String path) {
        return URI.create(filesRoot + DavPaths.encode(path));
    }

    // ----------------------------------------------------------------------------------------------- reading

    /**
     * Lists a folder (PROPFIND, {@code Depth: 1}): its children, without the folder itself, in the server's order.
     *
     * <pre>{@code
     * List<FileNode> docs = files.list("/Documents");
     * }</pre>
     *
     * @param folder the folder's path ({@code "/"} for the root)
     * @return the children
     * @throws NcNotFoundException when the folder does not exist
     * @throws dev.ncsdk.ocs.NcUnexpectedResponseException when the answer is not a safe, well-formed multistatus
     */
    public List<FileNode> list(String folder) {
        String p = DavPaths.normalize(folder);
        List<FileNode> all = propfind(p, "1");
        List<FileNode> children = new ArrayList<>(all.size());
        for (FileNode n : all) {
            if (!n.path().equals(p)) {
                children.add(n);
            }
        }
        return List.copyOf(children);
    }

    /**
     * Describes one file or folder (PROPFIND, {@code Depth: 0}).
     *
     * <pre>{@code
     * FileNode n = files.stat("/Documents/report.pdf");
     * }</pre>
     *
     * @param path the path
     * @return the node
     * @throws NcNotFoundException when it does not exist
     */
    public FileNode stat(String path) {
        String p = DavPaths.normalize(path);
        List<FileNode> nodes = propfind(p, "0");
        if (nodes.isEmpty()) {
            throw new NcNotFoundException(
                    "PROPFIND " + p + ": the answer describes nothing",
                    ErrorResponse.builder("PROPFIND", uri(p), 207).build());
        }
        return nodes.get(0);
    }

    /**
     * Whether a file or folder exists.
     *
     * <pre>{@code
     * if (!files.exists("/Inbox")) files.mkdir("/Inbox");
     * }</pre>
     *
     * @param path the path
     * @return true when it exists
     */
    public boolean exists(String path) {
        try {
            stat(path);
            return true;
        } catch (NcNotFoundException e) {
            return false;
        }
    }

    /**
     * Finds a file or folder by its file id, as a file action or a webhook names it, with a WebDAV {@code SEARCH}
     * over the user's files ({@code oc:fileid} is a searchable property of Nextcloud's file search backend, {@code
     * apps/dav/lib/Files/FileSearchBackend.php}). Items shared with the user are found too.
     *
     * <pre>{@code
     * FileNode n = files.byId(fileId).orElseThrow();
     * files.download(n.path(), Path.of(n.name()));
     * }</pre>
     *
     * @param fileId the id
     * @return the node, or empty when the user has no such file
     */
    public Optional<FileNode> byId(long fileId) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<d:searchrequest xmlns:d=\"DAV:\" xmlns:oc=\"http://owncloud.org/ns\"><d:basicsearch>"
                + "<d:select>" + PROPS + "</d:select>"
                + "<d:from><d:scope><d:href>/files/" + xmlEscape(DavPaths.encodeSegment(user)) + "</d:href>"
                + "<d:depth>infinity</d:depth></d:scope></d:from>"
                + "<d:where><d:eq><d:prop><oc:fileid/></d:prop><d:literal>" + fileId + "</d:literal></d:eq></d:where>"
                + "<d:orderby/><d:limit><d:nresults>1</d:nresults></d:limit>"
                + "</d:basicsearch></d:searchrequest>";
        HttpCall call = HttpCall.builder("SEARCH", URI.create(davRoot + "/"))
                .body(body.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8")
                .idempotent(true)
                .maxResponseBytes(maxListingBytes)
                .build();
        List<FileNode> nodes = multistatus(transport.send(call));
        for (FileNode n : nodes) {
            if (n.fileId() == fileId) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private List<FileNode> propfind(String path, String depth) {
        HttpCall call = HttpCall.builder("PROPFIND", uri(path))
                .header("Depth", depth)
                .body(PROPFIND, XML)
                .idempotent(true)
                .maxResponseBytes(maxListingBytes)
                .build();
        return multistatus(transport.send(call));
    }

    private List<FileNode> multistatus(HttpResult r) {
        if (!r.isSuccess()) {
            throw DavErrors.of(r);
        }
        if (r.status() != 207) {
            throw ResponseErrors.unexpected(r, "expected a 207 Multistatus answer, got HTTP " + r.status());
        }
        try {
            return Multistatus.parse(r.body(), filesRootPath);
        } catch (Multistatus.BadMultistatusException e) {
            throw ResponseErrors.unexpected(r, "the multistatus answer is unusable: " + e.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------------------- download

    /**
     * Downloads a file into a stream, streamed: the file is never held in memory. The stream is not closed.
     *
     * <pre>{@code
     * try (OutputStream out = Files.newOutputStream(local)) { files.download("/Music/song.flac", out); }
     * }</pre>
     *
     * @param path the file's path
     * @param out where the bytes go
     * @return the bytes written
     * @throws NcNotFoundException when the file does not exist
     * @throws NcTransportException when the connection failed or was cut before the whole file arrived (some bytes
     *     may have been written)
     * @throws UncheckedIOException when writing to {@code out} failed
     */
    public long download(String path, OutputStream out) {
        return download(path, out, TransferListener.NONE);
    }

    /**
     * Like {@link #download(String, OutputStream)}, telling a listener the progress.
     *
     * <pre>{@code
     * files.download("/big.iso", out, (done, total) -> bar.update(done, total));
     * }</pre>
     *
     * @param path the file's path
     * @param out where the bytes go
     * @param listener sees the progress
     * @return the bytes written
     */
    public long download(String path, OutputStream out, TransferListener listener) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(listener, "listener");
        Streaming.Downloaded d = streaming.download(uri(path), out, listener);
        if (d.failure != null) {
            throw DavErrors.of(d.failure);
        }
        return d.bytes;
    }

    /**
     * Downloads a file to a local path, atomically: the bytes go to a temporary file next to the target, which is
     * moved over the target only when the whole file arrived. A failure leaves no partial file at the target (an
     * existing file there stays as it was).
     *
     * <pre>{@code
     * files.download("/Documents/report.pdf", Path.of("report.pdf"));
     * }</pre>
     *
     * @param path the file's path
     * @param target the local file (its folder must exist); replaced when it exists
     * @return the bytes written
     * @throws UncheckedIOException when the local file cannot be written
     */
    public long download(String path, Path target) {
        return download(path, target, TransferListener.NONE);
    }

    /**
     * Like {@link #download(String, Path)}, telling a listener the progress.
     *
     * <pre>{@code
     * files.download("/big.iso", Path.of("big.iso"), (done, total) -> bar.update(done, total));
     * }</pre>
     *
     * @param path the file's path
     * @param target the local file
     * @param listener sees the progress
     * @return the bytes written
     */
    public long download(String path, Path target, TransferListener listener) {
        Objects.requireNonNull(target, "target");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in " + dir, e);
        }
        boolean done = false;
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                n = download(path, out, listener);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + abs, e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure that got here matters more
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- upload

    /**
     * Uploads a local file, replacing any file at the path: one {@code PUT} up to the chunked upload threshold,
     * Nextcloud's chunked upload v2 above it. The file is streamed from disk, never held in memory.
     *
     * <pre>{@code
     * UploadResult r = files.upload("/Backups/db.tar.gz", Path.of("db.tar.gz"));
     * }</pre>
     *
     * @param path the target path (its folder must exist)
     * @param source the local file
     * @return what was uploaded
     * @throws dev.ncsdk.ocs.NcConflictException when the target's folder does not exist
     * @throws InsufficientStorageException when the user's quota is full
     * @throws UncheckedIOException when the local file cannot be read
     */
    public UploadResult upload(String path, Path source) {
        return upload(path, source, TransferListener.NONE);
    }

    /**
     * Like {@link #upload(String, Path)}, telling a listener the progress.
     *
     * <pre>{@code
     * files.upload("/Videos/talk.mp4", Path.of("talk.mp4"), (done, total) -> bar.update(done, total));
     * }</pre>
     *
     * @param path the target path
     * @param source the local file
     * @param listener sees the progress (over all chunks)
     * @return what was uploaded
     */
    public UploadResult upload(String path, Path source, TransferListener listener) {
        Objects.requireNonNull(source, "source");
        long size;
        try {
            size = Files.size(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (size <= threshold) {
            String p = target(path);
            HttpRequest.BodyPublisher body;
            try {
                body = HttpRequest.BodyPublishers.ofFile(source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            return put(p, body, size, listener);
        }
        try (InputStream in = Files.newInputStream(source)) {
            return upload(path, in, size, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Uploads {@code size} bytes read from a stream, replacing any file at the path: one {@code PUT} up to the
     * chunked upload threshold, chunked upload v2 above it. The stream is read as the bytes are sent (never held in
     * memory) and not closed. A size of {@code -1} (unknown) sends one {@code PUT} with chunked transfer encoding,
     * which some proxies refuse: give the size when you know it.
     *
     * <pre>{@code
     * try (InputStream in = report.render()) { files.upload("/Reports/q3.pdf", in, report.length()); }
     * }</pre>
     *
     * @param path the target path
     * @param in the bytes
     * @param size how many bytes to read, or {@code -1} when unknown
     * @return what was uploaded
     * @throws NcTransportException when the stream ends before {@code size} bytes, or the connection fails
     */
    public UploadResult upload(String path, InputStream in, long size) {
        return upload(path, in, size, TransferListener.NONE);
    }

    /**
     * Like {@link #upload(String, InputStream, long)}, telling a listener the progress.
     *
     * <pre>{@code
     * files.upload("/dump.bin", in, size, (done, total) -> bar.update(done, total));
     * }</pre>
     *
     * @param path the target path
     * @param in the bytes
     * @param size how many bytes to read, or {@code -1} when unknown
     * @param listener sees the progress (over all chunks)
     * @return what was uploaded
     */
    public UploadResult upload(String path, InputStream in, long size, TransferListener listener) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(listener, "listener");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or at least 0, got " + size);
        }
        String p = target(path);
        if (size < 0) {
            return put(
                    p,
                    HttpRequest.BodyPublishers.ofInputStream(() -> new BoundedInput(in, Long.MAX_VALUE)),
                    -1,
                    listener);
        }
        if (size <= threshold) {
            return put(p, bounded(in, size), size, listener);
        }
        return chunked(p, in, size, listener);
    }

    private static HttpRequest.BodyPublisher bounded(InputStream in, long size) {
        if (size == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new BoundedInput(in, size)), size);
    }

    private static String target(String path) {
        String p = DavPaths.normalize(path);
        if (p.equals("/")) {
            throw new IllegalArgumentException("cannot upload to the root folder itself; name a file");
        }
        return p;
    }

    private UploadResult put(String p, HttpRequest.BodyPublisher body, long size, TransferListener listener) {
        HttpResult r = streaming.upload("PUT", uri(p), List.of(), body, listener);
        if (!r.isSuccess()) {
            throw DavErrors.of(r);
        }
        return result(p, size, r, 0);
    }

    private UploadResult chunked(String p, InputStream in, long size, TransferListener listener) {
        long chunk = chunkSize;
        if ((size + chunk - 1) / chunk > MAX_CHUNKS) {
            long mib = 1024L * 1024;
            chunk = ((size + MAX_CHUNKS - 1) / MAX_CHUNKS + mib - 1) / mib * mib;
            if (chunk > MAX_CHUNK_SIZE) {
                throw new IllegalArgumentException("a file of " + size + " bytes exceeds what chunked upload v2 takes");
            }
        }
        int chunks = (int) ((size + chunk - 1) / chunk);
        URI upload = URI.create(davRoot + "/uploads/" + DavPaths.encodeSegment(user) + "/ncsdk-" + UUID.randomUUID());
        String destination = uri(p).toString();
        String total = Long.toString(size);
        boolean assembled = false;
        try {
            check(transport.send(HttpCall.builder("MKCOL", upload)
                    .header("Destination", destination)
                    .idempotent(false)
                    .build()));
            long sentBefore = 0;
            for (int i = 1; i <= chunks; i++) {
                long n = Math.min(chunk, size - sentBefore);
                long offset = sentBefore;
                TransferListener part = (done, t) -> listener.onProgress(offset + done, size);
                HttpResult r = streaming.upload(
                        "PUT",
                        URI.create(upload + "/" + String.format("%05d", i)),
                        List.of(new String[] {"Destination", destination}, new String[] {"OC-Total-Length", total}),
                        bounded(in, n),
                        part);
                if (!r.isSuccess()) {
                    throw DavErrors.of(r);
                }
                sentBefore += n;
            }
            HttpResult moved = transport.send(HttpCall.builder("MOVE", URI.create(upload + "/.file"))
                    .header("Destination", destination)
                    .header("OC-Total-Length", total)
                    .idempotent(false)
                    .timeout(assemblyTimeout)
                    .build());
            check(moved);
            assembled = true;
            return result(p, size, moved, chunks);
        } finally {
            if (!assembled) {
                abort(upload, destination);
            }
        }
    }

    /** Removes an unfinished upload's chunks; a failure here must not hide the one that got us here. */
    private void abort(URI upload, String destination) {
        try {
            // chunked upload v2 wants the Destination header on every request of the upload
            transport.send(HttpCall.builder("DELETE", upload)
                    .header("Destination", destination)
                    .idempotent(false)
                    .build());
        } catch (NcException | IllegalStateException ignored) {
            // Nextcloud expires upload folders after 24 hours anyway
        }
    }

    private static UploadResult result(String p, long size, HttpResult r, int chunks) {
        String etag = r.header("OC-ETag").or(() -> r.header("ETag")).orElse("");
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            etag = etag.substring(1, etag.length() - 1);
        }
        long id = -1;
        Optional<String> fileId = r.header("OC-FileId");
        if (fileId.isPresent()) {
            String digits = fileId.get();
            int end = 0;
            while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
                end++; // OC-FileId is the id padded and followed by the instance id: 00000042ocabc
            }
            try {
                id = end == 0 ? -1 : Long.parseLong(digits.substring(0, end));
            } catch (NumberFormatException e) {
                id = -1;
            }
        }
        return new UploadResult(p, size, etag, id, chunks);
    }

    // ----------------------------------------------------------------------------------------------- changing

    /**
     * Creates a folder (MKCOL). Its parent must exist.
     *
     * <pre>{@code
     * files.mkdir("/Inbox");
     * }</pre>
     *
     * @param path the new folder's path
     * @throws dev.ncsdk.ocs.NcConflictException when the parent folder does not exist
     * @throws NcResponseException HTTP 405 when something exists at the path already
     */
    public void mkdir(String path) {
        check(transport.send(
                HttpCall.builder("MKCOL", uri(target(path))).idempotent(false).build()));
    }

    /**
     * Creates a folder and any missing parents; folders that exist already are fine.
     *
     * <pre>{@code
     * files.makedirs("/Backups/2026/12");
     * }</pre>
     *
     * @param path the folder's path
     */
    public void makedirs(String path) {
        StringBuilder p = new StringBuilder();
        for (String segment : DavPaths.segments(path)) {
            p.append('/').append(segment);
            HttpResult r = transport.send(HttpCall.builder("MKCOL", uri(p.toString()))
                    .idempotent(false)
                    .build());
            if (!r.isSuccess() && r.status() != 405) { // 405: it exists
                throw DavErrors.of(r);
            }
        }
    }

    /**
     * Moves or renames a file or folder (MOVE).
     *
     * <pre>{@code
     * files.move("/Inbox/scan.pdf", "/Archive/2026/scan.pdf", false);
     * }</pre>
     *
     * @param from the current path
     * @param to the new path (its folder must exist)
     * @param overwrite whether to replace what is at {@code to}
     * @throws dev.ncsdk.ocs.NcPreconditionFailedException when {@code to} exists and {@code overwrite} is false
     */
    public void move(String from, String to, boolean overwrite) {
        transfer("MOVE", from, to, overwrite);
    }

    /**
     * Copies a file or folder (COPY; a folder with all it holds).
     *
     * <pre>{@code
     * files.copy("/Templates/letter.odt", "/Letters/2026-12-03.odt", false);
     * }</pre>
     *
     * @param from the source path
     * @param to the copy's path (its folder must exist)
     * @param overwrite whether to replace what is at {@code to}
     * @throws dev.ncsdk.ocs.NcPreconditionFailedException when {@code to} exists and {@code overwrite} is false
     */
    public void copy(String from, String to, boolean overwrite) {
        transfer("COPY", from, to, overwrite);
    }

    private void transfer(String method, String from, String to, boolean overwrite) {
        check(transport.send(HttpCall.builder(method, uri(target(from)))
                .header("Destination", uri(target(to)).toString())
                .header("Overwrite", overwrite ? "T" : "F")
                .idempotent(false)
                .build()));
    }

    /**
     * Deletes a file or folder (to the user's trash bin when the trash app is enabled).
     *
     * <pre>{@code
     * files.delete("/Inbox/old.txt");
     * }</pre>
     *
     * @param path the path
     * @throws NcNotFoundException when it does not exist
     */
    public void delete(String path) {
        check(transport.send(
                HttpCall.builder("DELETE", uri(target(path))).idempotent(false).build()));
    }

    private static void check(HttpResult r) {
        if (!r.isSuccess()) {
            throw DavErrors.of(r);
        }
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return "NextcloudFiles[" + user + " at " + dev.ncsdk.ocs.internal.http.Uris.redact(filesRoot) + "]";
    }

    /**
     * Settings of a {@link NextcloudFiles}.
     *
     * <pre>{@code
     * NextcloudFiles files = NextcloudFiles.builder(ocs, "alice").chunkSize(32L << 20).build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final OcsClient ocs;
        private final String user;
        private long chunkSize = DEFAULT_CHUNK_SIZE;
        private long threshold = DEFAULT_CHUNKED_UPLOAD_THRESHOLD;
        private long maxListingBytes;
        private Duration idleTimeout;
        private Duration assemblyTimeout = Duration.ofMinutes(5);

        private Builder(OcsClient ocs, String user) {
            this.ocs = Objects.requireNonNull(ocs, "ocs");
            this.user = Objects.requireNonNull(user, "user");
            if (user.isEmpty()) {
                throw new IllegalArgumentException("WebDAV needs a user: the files of the system context are none");
            }
            if (user.contains("/") || user.equals(".") || user.equals("..") || user.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a valid user id: " + user);
            }
        }

        /**
         * The size of each chunk of a chunked upload (the last may be smaller). Default 10 MiB; Nextcloud takes 5 MiB
         * to 5 GiB. With more than 10,000 chunks the size grows to fit.
         *
         * @param bytes the chunk size
         * @return this builder
         */
        public Builder chunkSize(long bytes) {
            if (bytes < MIN_CHUNK_SIZE || bytes > MAX_CHUNK_SIZE) {
                throw new IllegalArgumentException("chunk size must be between 5 MiB and 5 GiB, got " + bytes);
            }
            this.chunkSize = bytes;
            return this;
        }

        /**
         * Uploads up to this size are one {@code PUT}; larger ones are chunked. Default 10 MiB.
         *
         * @param bytes the threshold
         * @return this builder
         */
        public Builder chunkedUploadThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the threshold must not be negative");
            }
            this.threshold = bytes;
            return this;
        }

        /**
         * How long a file transfer may go without moving a byte before it fails with {@link
         * dev.ncsdk.ocs.NcTimeoutException}. Default: the OCS client's request timeout.
         *
         * @param timeout the idle timeout
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the idle timeout must be positive");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * How long the server may take to assemble a chunked upload (the final {@code MOVE}). Default 5 minutes.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder assemblyTimeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the assembly timeout must be positive");
            }
            this.assemblyTimeout = timeout;
            return this;
        }

        /**
         * The largest listing ({@code PROPFIND}/{@code SEARCH} answer) accepted, in bytes; a larger one fails with
         * {@link dev.ncsdk.ocs.NcUnexpectedResponseException} without being read further. Default: the OCS client's
         * response size limit (32 MiB unless set).
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder maxListingBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the limit must be positive");
            }
            this.maxListingBytes = bytes;
            return this;
        }

        /**
         * Creates the files client.
         *
         * @return the client
         */
        public NextcloudFiles build() {
            return new NextcloudFiles(this);
        }
    }
}
