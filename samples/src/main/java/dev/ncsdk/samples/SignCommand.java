package dev.ncsdk.samples;

import dev.ncsdk.appstore.signing.AppSigner;
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
        description = "Sign a release archive or an app id (SHA512withRSA, base64 on one line).")
public final class SignCommand extends SampleCommand {
    @Option(names = "--key", required = true, description = "the app's private key (PEM: PKCS#8 or PKCS#1)")
    Path key;

    @Option(
            names = "--password-env",
            description = "environment variable holding the key's password, for an encrypted key")
    String passwordEnv;

    @ArgGroup(multiplicity = "1")
    Target target;

    /** What to sign: one of the two. */
    static final class Target {
        @Option(names = "--archive", required = true, description = "the release .tar.gz to sign")
        Path archive;

        @Option(names = "--app-id", required = true, description = "the app id to sign (for registration)")
        String appId;
    }

    /** Creates the command (picocli). */
    public SignCommand() {}

    @Override
    public Integer call() {
        AppSigner signer = AppSigner.fromFile(key, Secrets.fromEnvOrNull(passwordEnv));
        String signature = target.archive != null ? signer.sign(target.archive) : signer.signAppId(target.appId);
        out().println(signature);
        flush();
        return 0;
    }
}
