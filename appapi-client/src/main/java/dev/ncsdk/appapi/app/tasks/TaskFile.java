package dev.ncsdk.appapi.app.tasks;

import java.util.Objects;

/**
 * The content of a task's input file ({@code GET /ocs/v2.php/taskprocessing/tasks_provider/{taskId}/file/{fileId}}),
 * held in memory.
 *
 * <pre>{@code
 * TaskFile image = nc.taskProcessing().downloadFile(task.id(), task.inputFileId("input").orElseThrow());
 * BufferedImage img = ImageIO.read(new ByteArrayInputStream(image.content()));
 * }</pre>
 *
 * @param fileId the file id
 * @param fileName the name from {@code Content-Disposition}, {@code ""} when none
 * @param contentType the media type the server sent, {@code application/octet-stream} when none
 * @param content the bytes
 * @since 0.1.0
 */
public record TaskFile(long fileId, String fileName, String contentType, byte[] content) {
    /**
     * Checks the values.
     *
     * @param fileId the file id
     * @param fileName {@code null} is {@code ""}
     * @param contentType {@code null} is {@code application/octet-stream}
     * @param content not null
     */
    public TaskFile {
        Objects.requireNonNull(content, "content");
        fileName = fileName == null ? "" : fileName;
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    /** Shows the id, name, type and size, not the bytes. */
    @Override
    public String toString() {
        return "TaskFile[" + fileId + ", " + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskFile f
                && f.fileId == fileId
                && f.fileName.equals(fileName)
                && f.contentType.equals(contentType)
                && java.util.Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileId, fileName, contentType, java.util.Arrays.hashCode(content));
    }
}
