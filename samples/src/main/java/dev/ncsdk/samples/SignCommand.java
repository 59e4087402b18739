package dev.ncsdk.samples;

import dev.ncsdk.appstore.signing.AppSigner;
import dev.ncsdk.appstore.signing.SigningException;
import dev.ncsdk.ocs.Secret;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signs a release archive or an app id for the App Store, as
 * {@code openssl dgst -sha512 -sign KEY FILE | openssl base64 -A} would, and prints the signature on one line.
 */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = "Sign a release archive or an app id (SHA512withRSA, base64 on one line).",
        footer = "%nExample: ncsdk-samples sign --key ~/.nextcloud/certificates/news.key --archive news.tar.gz")
public final class SignCommand extends SampleCommand {
    @Option(
            names = "--key",
            paramLabel = "FILE",
            required = true,
            description = "The app's private key (PEM: PKCS#8 or PKCS#1).")
    Path key;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the key's password, for an encrypted key.")
    String passwordEnv;

    @ArgGroup(multiplicity = "1")
    Target target;

    /** What to sign: one of the two. */
    static final class Target {
        @Option(
                names = "--archive",
                paramLabel = "FILE",
                required = true,
                description = "The release .tar.gz to sign (a regular file of at most 30 MiB).")
        Path archive;

        @Option(
                names = "--app-id",
                paramLabel = "ID",
                required = true,
                description = "The app id to sign (for registration).")
        String appId;
    }

    /** Creates the command (picocli). */
    public SignCommand() {}

    @Override
    String problemExit() {
        return "the key could not sign";
    }

    @Override
    public Integer call() {
        Inputs.readableFile("--key", key);
        if (target.archive != null) {
            Inputs.readableFile("--archive", target.archive);
        } else {
            Inputs.appId("--app-id", target.appId);
        }
        Secret password = passwordEnv == null ? null : Inputs.secretFromEnv("--password-env", passwordEnv);
        AppSigner signer;
        try {
            signer = AppSigner.fromFile(key, password);
        } catch (SigningException e) {
            throw Failures.unreadable("--key: " + Failures.clean(e.getMessage()), e);
        }
        String signature;
        try {
            signature = target.archive != null ? signer.sign(target.archive) : signer.signAppId(target.appId);
        } catch (SigningException e) {
            if (Failures.exitCode(e) == Failures.USAGE) {
                throw Failures.unreadable("--archive: " + Failures.clean(e.getMessage()), e);
            }
            throw e;
        }
        out().println(signature);
        flush();
        return 0;
    }
}
