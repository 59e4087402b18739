package dev.ncsdk.appstore.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * A cache in a directory that survives restarts and can be shared by several processes (several Nextcloud
 * instances on one host, a cron job and a dashboard).
 *
 * <ul>
 *   <li>One file per key, named by a hash of the key. Format: a magic number, the ETag, the body and a CRC-32 of
 *       both; the file's modification time is the entry's {@link CachedResponse#storedAt()}.
 *   <li>Writes go to a temporary file in the same directory that is then renamed over the entry (atomic on POSIX
 *       file systems), so a reader in another process sees the old entry or the new one, never half of one.
 *   <li>A corrupt or truncated entry (wrong magic, wrong length, wrong checksum) reads as absent and is replaced
 *       by the next write.
 *   <li>An entry is read only when it is a regular file (checked without following links and before it is opened,
 *       so a FIFO never blocks a run and a symbolic link is never followed) of at most the entry limit (the body
 *       limit, {@value #DEFAULT_MAX_BODY_BYTES} bytes by default, plus the header). Anything else in its place (a
 *       huge or sparse file, a FIFO, a link, a directory, a device) is ignored, logged once at WARNING, and replaced
 *       by the next write.
 *   <li>A revalidation ({@link #touch}) only updates the modification time; the body is not rewritten.
 *   <li>I/O failures never fail a call: reads return empty, writes are logged at debug level and dropped.
 * </ul>
 *
 * @since 0.1.0
 */
public final class DiskResponseCache implements ResponseCache {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appstore.cache");
    private static final long MAGIC = 0x4E43534B52433031L; // "NCSKRC01"
    private static final int MAX_ETAG = 4096;
    private static final String SUFFIX = ".entry";
    private static final int MAX_LOGGED = 1000;

    /** The default largest body kept: 64 MiB, the store client's default response limit. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final Path directory;
    private final long maxBodyBytes;
    private final Set<Path> logged = ConcurrentHashMap.newKeySet();

    /**
     * Creates a cache in a directory, creating it when missing and removing temporary files older than a day that a
     * crashed process left behind.
     *
     * @param directory the directory
     */
    DiskResponseCache(Path directory) {
        this(directory, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Creates a cache in a directory whose entries hold bodies of at most {@code maxBodyBytes}: larger answers are
     * not stored, and larger entry files are ignored (give the client's response limit,
     * {@code AppStoreClient.Builder#maxResponseBytes}, when it was raised).
     *
     * @param directory the directory
     * @param maxBodyBytes the largest body, positive and below 2 GiB
     */
    DiskResponseCache(Path directory, long maxBodyBytes) {
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("maxBodyBytes must be positive and below 2 GiB");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot create cache directory {0}: {1}", this.directory, e);
        }
        cleanTemporaryFiles();
    }

    /**
     * The directory.
     *
     * @return the absolute path
     */
    public Path directory() {
        return directory;
    }

    /**
     * The file that holds a key's entry.
     *
     * @param key the key
     * @return the path
     */
    public Path fileFor(String key) {
        return directory.resolve(hash(key) + SUFFIX);
    }

    /**
     * The largest body this cache keeps.
     *
     * @return bytes
     */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public Optional<CachedResponse> get(String key) {
        Path file = fileFor(key);
        BasicFileAttributes attrs;
        try {
            // the type first, without following links and without opening: opening a FIFO would block
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return ignored(file, e.toString());
        }
        if (!attrs.isRegularFile()) {
            return ignored(
                    file,
                    attrs.isSymbolicLink()
                            ? "a symbolic link"
                            : attrs.isDirectory() ? "a directory" : "not a regular file (a FIFO, socket or device)");
        }
        long maxEntry = maxEntryBytes();
        if (attrs.size() > maxEntry) {
            return ignored(file, attrs.size() + " bytes, more than the entry limit of " + maxEntry);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > maxEntry) {
                return ignored(file, size + " bytes, more than the entry limit of " + maxEntry);
            }
            if (size < 24) {
                return corrupt(file, "too short");
            }
            ByteBuffer head = ByteBuffer.allocate(12);
            readFully(ch, head);
            head.flip();
            if (head.getLong() != MAGIC) {
                return corrupt(file, "wrong magic number");
            }
            int etagLen = head.getInt();
            if (etagLen < -1 || etagLen > MAX_ETAG || size < 24 + Math.max(etagLen, 0)) {
                return corrupt(file, "bad ETag length");
            }
            byte[] etag = etagLen > 0 ? new byte[etagLen] : new byte[0];
            if (etagLen > 0) {
                readFully(ch, ByteBuffer.wrap(etag));
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(4);
            readFully(ch, lenBuf);
            lenBuf.flip();
            int bodyLen = lenBuf.getInt();
            if (bodyLen > maxBodyBytes) {
                return ignored(file, "a body of " + bodyLen + " bytes, more than the limit of " + maxBodyBytes);
            }
            if (bodyLen < 0 || 12L + Math.max(etagLen, 0) + 4 + bodyLen + 8 != size) {
                return corrupt(file, "length mismatch (truncated?)");
            }
            byte[] body = new byte[bodyLen];
            readFully(ch, ByteBuffer.wrap(body));
            ByteBuffer crcBuf = ByteBuffer.allocate(8);
            readFully(ch, crcBuf);
            crcBuf.flip();
            CRC32 crc = new CRC32();
            crc.update(etag);
            crc.update(body);
            if (crc.getValue() != crcBuf.getLong()) {
                return corrupt(file, "checksum mismatch");
            }
            Instant storedAt = attrs.lastModifiedTime().toInstant();
            String etagText = etagLen < 0 ? null : new String(etag, StandardCharsets.UTF_8);
            return Optional.of(new CachedResponse(body, etagText, storedAt));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return corrupt(file, e.toString());
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private long maxEntryBytes() {
        return 12L + MAX_ETAG + 4 + maxBodyBytes + 8;
    }

    private static Optional<CachedResponse> corrupt(Path file, String why) {
        LOG.log(System.Logger.Level.DEBUG, "ignoring unreadable cache entry {0}: {1}", file, why);
        return Optional.empty();
    }

    /** An entry file that must not be read: logged once per file (at most {@value #MAX_LOGGED} files). */
    private Optional<CachedResponse> ignored(Path file, String why) {
        if (logged.size() < MAX_LOGGED && logged.add(file)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "ignoring cache entry {0}: {1}; the next write replaces it",
                    file,
                    why);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "ignoring cache entry {0}: {1}", file, why);
        }
        return Optional.empty();
    }

    @Override
    public void put(String key, CachedResponse response) {
        byte[] etag =
                response.etag().map(e -> e.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (etag != null && etag.length > MAX_ETAG) {
            etag = null;
        }
        byte[] body = response.body();
        if (body.length > maxBodyBytes) {
            return;
        }
        Path target = fileFor(key);
        Path tmp = null;
        try {
            Files.createDirectories(directory);
            tmp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
            CRC32 crc = new CRC32();
            if (etag != null) {
                crc.update(etag);
            }
            crc.update(body);
            ByteBuffer head = ByteBuffer.allocate(12 + (etag == null ? 0 : etag.length) + 4);
            head.putLong(MAGIC).putInt(etag == null ? -1 : etag.length);
            if (etag != null) {
                head.put(etag);
            }
            head.putInt(body.length).flip();
            ByteBuffer tail = ByteBuffer.allocate(8).putLong(crc.getValue()).flip();
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer[] parts = {head, ByteBuffer.wrap(body), tail};
                long total = head.remaining() + (long) body.length + 8;
                long written = 0;
                while (written < total) {
                    written += ch.write(parts);
                }
            }
            Files.setLastModifiedTime(tmp, FileTime.from(response.storedAt()));
            removeIfDirectory(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            logged.remove(target);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot write cache entry {0}: {1}", target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** An empty directory in an entry's place would make the rename fail: it goes (a full one stays, logged). */
    private static void removeIfDirectory(Path target) {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(target);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot remove directory in place of {0}: {1}", target, e);
            }
        }
    }

    /** Updates only the entry's modification time; the body is not rewritten. */
    @Override
    public void touch(String key, CachedResponse entry, Instant time) {
        Path file = fileFor(key);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // never touch what a link points to: write a fresh entry over it instead
                put(key, entry.withStoredAt(time));
                return;
            }
            Files.setLastModifiedTime(file, FileTime.from(time));
        } catch (IOException e) {
            put(key, entry.withStoredAt(time));
        }
    }

    @Override
    public void remove(String key) {
        try {
            Files.deleteIfExists(fileFor(key));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot remove cache entry: {0}", e);
        }
    }

    private void cleanTemporaryFiles() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(directory, "*.tmp")) {
            for (Path t : tmps) {
                if (Files.getLastModifiedTime(t).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot clean temporary cache files: {0}", e);
        }
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "DiskResponseCache[" + directory + "]";
    }
}
