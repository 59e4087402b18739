package dev.ncsdk.bench.ocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.ocs.Capabilities;
import dev.ncsdk.ocs.internal.OcsEnvelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of the OCS envelope layer on the real capabilities answer of Nextcloud 32 (about 10 KB), in JSON and
 * XML, against a bare Jackson tree parse of the same JSON and a bare StAX scan of the same XML.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OcsEnvelopeBenchmark -f 1 -wi 2 -i 3}
 * (fixtures are found in {@code testdata} (the repository copy), {@code ../testdata} or {@code -Dncsdk.fixtures}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OcsEnvelopeBenchmark {
    private byte[] json;
    private byte[] xml;
    private ObjectMapper bare;
    private XMLInputFactory stax;

    /** Loads the captured answers. */
    @Setup
    public void load() {
        Path dir = fixtures().resolve("nextcloud-32");
        try {
            json = Files.readAllBytes(dir.resolve("01_capabilities_v2_json.body.json"));
            xml = Files.readAllBytes(dir.resolve("02_capabilities_v2_xml.body.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bare = new ObjectMapper();
        stax = XMLInputFactory.newDefaultFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    private static Path fixtures() {
        String p = System.getProperty("ncsdk.fixtures");
        if (p != null) {
            return Path.of(p);
        }
        for (String c : List.of("testdata", "../testdata")) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("fixtures not found: pass -Dncsdk.fixtures=/path/to/testdata");
    }

    /**
     * Baseline: Jackson's tree parse of the JSON answer.
     *
     * @return the tree
     * @throws IOException never for this input
     */
    @Benchmark
    public JsonNode bareJacksonTreeJson() throws IOException {
        return bare.readTree(json);
    }

    /**
     * Baseline for XML: one pass over the StAX events of the XML answer, building nothing.
     *
     * @return the number of events
     * @throws XMLStreamException never for this input
     */
    @Benchmark
    public int bareStaxScanXml() throws XMLStreamException {
        XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(xml));
        int n = 0;
        while (r.hasNext()) {
            r.next();
            n++;
        }
        r.close();
        return n;
    }

    /**
     * The envelope layer on JSON: tree, meta, data.
     *
     * @return the parsed envelope
     * @throws Exception never for this input
     */
    @Benchmark
    public OcsEnvelope.Parsed envelopeJson() throws Exception {
        return OcsEnvelope.parse(json);
    }

    /**
     * The envelope layer on XML: secure decoding and StAX, the JSON-shaped tree, meta, data.
     *
     * @return the parsed envelope
     * @throws Exception never for this input
     */
    @Benchmark
    public OcsEnvelope.Parsed envelopeXml() throws Exception {
        return OcsEnvelope.parse(xml);
    }

    /**
     * Envelope plus {@link Capabilities#of}, JSON.
     *
     * @return the capabilities
     * @throws Exception never for this input
     */
    @Benchmark
    public Capabilities typedCapabilitiesJson() throws Exception {
        return Capabilities.of(OcsEnvelope.parse(json).data());
    }

    /**
     * Envelope plus {@link Capabilities#of}, XML.
     *
     * @return the capabilities
     * @throws Exception never for this input
     */
    @Benchmark
    public Capabilities typedCapabilitiesXml() throws Exception {
        return Capabilities.of(OcsEnvelope.parse(xml).data());
    }
}
