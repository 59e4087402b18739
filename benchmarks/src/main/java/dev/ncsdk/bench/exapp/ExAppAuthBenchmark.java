package dev.ncsdk.bench.exapp;

import com.sun.net.httpserver.Headers;
import dev.ncsdk.appapi.exapp.ExAppAuthenticator;
import dev.ncsdk.appapi.exapp.ExAppCaller;
import dev.ncsdk.ocs.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of {@link ExAppAuthenticator#authenticate} on one request's headers as the runtime looks them up
 * ({@code com.sun.net.httpserver.Headers#getFirst}): the AppAPI headers of a proxied request (a 128-character
 * secret) among a browser's usual ones, against the bare header lookups it makes.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ExAppAuthBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExAppAuthBenchmark {
    private ExAppAuthenticator authenticator;
    private Headers headers;

    /** Builds the authenticator and the headers. */
    @Setup
    public void setUp() {
        String secret = ExAppLoad.secret128();
        authenticator = ExAppAuthenticator.of("bench_exapp", Secret.of(secret));
        headers = new Headers();
        headers.add("Host", "127.0.0.1:23000");
        headers.add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        headers.add("Accept", "application/json, text/plain, */*");
        headers.add("Accept-Language", "en-US,en;q=0.5");
        headers.add("Accept-Encoding", "gzip, deflate, br");
        headers.add("EX-APP-ID", "bench_exapp");
        headers.add("EX-APP-VERSION", "1.0.0");
        headers.add("AA-VERSION", "32.0.0");
        headers.add(
                "AUTHORIZATION-APP-API",
                Base64.getEncoder().encodeToString(("admin:" + secret).getBytes(StandardCharsets.UTF_8)));
        headers.add("AA-REQUEST-ID", "5f1c0e2a-bench");
    }

    /**
     * The whole check, as the runtime runs it per request.
     *
     * @return the caller
     */
    @Benchmark
    public ExAppCaller authenticate() {
        return authenticator.authenticate(headers::getFirst);
    }

    /**
     * The four header lookups alone (the part any framework pays too).
     *
     * @return the looked-up values' total length, so nothing is eliminated
     */
    @Benchmark
    public int headerLookupsOnly() {
        return headers.getFirst("EX-APP-ID").length()
                + headers.getFirst("EX-APP-VERSION").length()
                + headers.getFirst("AUTHORIZATION-APP-API").length()
                + headers.getFirst("AA-REQUEST-ID").length();
    }
}
