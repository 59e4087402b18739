package dev.ncsdk.ocs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns an XML document of the kind OCS sends into the Jackson tree the JSON form of the same answer gives, so
 * one typed mapping serves both formats.
 *
 * <ul>
 *   <li>An element with child elements becomes an object keyed by the children's names; a name seen twice
 *       becomes a list. Element names may be data (user ids, app ids): no schema is assumed.
 *   <li>An element whose children are all {@code <element>} becomes a list.
 *   <li>An element without children becomes its text ({@code ""} when empty): XML carries no types, so numbers
 *       and booleans stay text and the lenient mapper ({@link Json}) coerces them.
 *   <li>Attributes, comments and processing instructions are ignored.
 * </ul>
 *
 * <p>Secure by construction: a document with a DTD is refused (so no external entity, no entity expansion, no
 * billion laughs), as is any entity reference other than the five predefined ones and character references.
 * Depth, element count and size are bounded. Thread-safe.
 */
public final class XmlTreeReader {
    /** The deepest element nesting accepted. */
    public static final int MAX_DEPTH = 100;
    /** The most elements accepted in one document. */
    public static final int MAX_ELEMENTS = 2_000_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final XMLInputFactory FACTORY = createFactory();
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");

    private XmlTreeReader() {}

    /** The document is not well-formed, is unsafe, or exceeds a bound. */
    public static final class XmlException extends Exception {
        private static final long serialVersionUID = 1L;

        XmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false); // Frame joins split text itself
        // Java 24 lowered the parser's own default element depth limit to MAX_DEPTH (from none): one level above
        // ours, so that on every Java version this reader's bound, with its clear message, is the one that applies
        f.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH + 1);
        // without a reporter the JDK's parser prints "[Fatal Error]" lines to standard error; the exception suffices
        f.setXMLReporter((message, errorType, info, location) -> {});
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        return f;
    }

    /**
     * Reads a document.
     *
     * @param xml the document's bytes (its declaration names the encoding, UTF-8 by default)
     * @return an object with one field, named after the root element
     * @throws XmlException when the document is malformed, has a DTD or entity reference, or exceeds a bound
     */
    public static ObjectNode read(byte[] xml) throws XmlException {
        XMLStreamReader r = null;
        try {
            r = isPlainUtf8(xml)
                    ? FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8")
                    : FACTORY.createXMLStreamReader(new StringReader(decode(xml)));
            return readDocument(r);
        } catch (XMLStreamException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new XmlException("not well-formed XML: " + firstLine(m), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    /**
     * Decodes the bytes before parsing, strictly, so that bad bytes are an exception and not a line the JDK's
     * parser prints to standard error. UTF-8 unless a byte order mark or the XML declaration says otherwise.
     */
    private static String decode(byte[] xml) throws XmlException {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (xml.length >= 3 && (xml[0] & 0xff) == 0xef && (xml[1] & 0xff) == 0xbb && (xml[2] & 0xff) == 0xbf) {
            skip = 3;
        } else if (xml.length >= 2 && (xml[0] & 0xff) == 0xfe && (xml[1] & 0xff) == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (xml.length >= 2 && (xml[0] & 0xff) == 0xff && (xml[1] & 0xff) == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            String head = new String(xml, 0, Math.min(xml.length, 100), StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED_ENCODING.matcher(head);
            if (head.startsWith("<?xml") && m.find()) {
                try {
                    cs = Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    throw new XmlException("unsupported encoding " + m.group(1), e);
                }
            }
        }
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(xml, skip, xml.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new XmlException("the document is not valid " + cs.name(), e);
        }
    }

    /**
     * Whether the document is well-formed UTF-8 without a byte order mark and declares no other encoding; such a
     * document goes to the parser as bytes (no copy), anything else is decoded first by {@link #decode}.
     */
    static boolean isPlainUtf8(byte[] b) {
        int n = b.length;
        if (n >= 5 && b[0] == '<' && b[1] == '?') {
            String head = new String(b, 0, Math.min(n, 100), StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED_ENCODING.matcher(head);
            if (m.find() && !m.group(1).equalsIgnoreCase("UTF-8") && !m.group(1).equalsIgnoreCase("UTF8")) {
                return false;
            }
        }
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= n) {
                return false; // truncated sequence
            }
            int cp = c & (0x3f >> extra);
            for (int k = 1; k <= extra; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfeff && i == 0) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    private static String firstLine(String m) {
        String s = m.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /**
     * An element being read: its name, its text so far, and its value as it grows: a list while every child is
     * an {@code <element>}, an object from the first child with another name. Frames are reused by depth, so a
     * document costs a frame per level, not per element, and indentation between elements is never made a String.
     */
    private static final class Frame {
        String name;
        final StringBuilder text = new StringBuilder();
        ArrayNode list;
        ObjectNode object;
        Set<String> repeated; // names whose value in object is a list made here (not a child that is a list)

        void reset(String elementName) {
            name = elementName;
            text.setLength(0);
            list = null;
            object = null;
            if (repeated != null) {
                repeated.clear();
            }
        }

        boolean hasChildren() {
            return list != null || object != null;
        }

        void addText(XMLStreamReader r) {
            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }

        void addChild(String childName, JsonNode value) {
            if (object == null) {
                if ("element".equals(childName)) {
                    if (list == null) {
                        list = NODES.arrayNode();
                    }
                    list.add(value);
                    return;
                }
                object = NODES.objectNode();
                if (list != null) {
                    // the <element> children so far: one value, or the list of them
                    if (list.size() == 1) {
                        object.set("element", list.get(0));
                    } else {
                        object.set("element", list);
                        repeated().add("element");
                    }
                    list = null;
                }
            }
            JsonNode existing = object.putIfAbsent(childName, value);
            if (existing == null) {
                return; // the usual case: a new name
            }
            if (repeated != null && repeated.contains(childName)) {
                ((ArrayNode) existing).add(value);
            } else {
                // a name seen twice: its values form a list
                ArrayNode a = NODES.arrayNode();
                a.add(existing);
                a.add(value);
                object.set(childName, a);
                repeated().add(childName);
            }
        }

        private Set<String> repeated() {
            if (repeated == null) {
                repeated = new HashSet<>();
            }
            return repeated;
        }

        JsonNode toNode() {
            if (object != null) {
                return object;
            }
            if (list != null) {
                return list;
            }
            return NODES.textNode(text.length() == 0 ? "" : text.toString());
        }
    }

    private static ObjectNode readDocument(XMLStreamReader r) throws XMLStreamException, XmlException {
        Frame[] frames = new Frame[8];
        int depth = 0; // frames[0 .. depth-1] are the open elements
        ObjectNode root = null;
        int elements = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw new XmlException("a document type declaration (DTD) is not allowed", null);
                case XMLStreamConstants.ENTITY_REFERENCE:
                case XMLStreamConstants.ENTITY_DECLARATION:
                    throw new XmlException("entity references are not allowed", null);
                case XMLStreamConstants.START_ELEMENT:
                    if (++elements > MAX_ELEMENTS) {
                        throw new XmlException("more than " + MAX_ELEMENTS + " elements", null);
                    }
                    if (depth >= MAX_DEPTH) {
                        throw new XmlException("elements nested deeper than " + MAX_DEPTH, null);
                    }
                    if (root != null) {
                        throw new XmlException("content after the root element", null);
                    }
                    if (depth > 0 && !frames[depth - 1].hasChildren()) {
                        frames[depth - 1].text.setLength(0); // an element with children: its text is indentation
                    }
                    if (depth == frames.length) {
                        frames = Arrays.copyOf(frames, Math.min(frames.length * 2, MAX_DEPTH));
                    }
                    Frame opened = frames[depth];
                    if (opened == null) {
                        opened = new Frame();
                        frames[depth] = opened;
                    }
                    opened.reset(r.getLocalName());
                    depth++;
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (depth > 0 && !frames[depth - 1].hasChildren()) {
                        frames[depth - 1].addText(r);
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    Frame done = frames[--depth];
                    JsonNode value = done.toNode();
                    if (depth == 0) {
                        root = NODES.objectNode();
                        root.set(done.name, value);
                    } else {
                        frames[depth - 1].addChild(done.name, value);
                    }
                    break;
                default:
                    // comments, processing instructions, document start/end
                    break;
            }
        }
        if (root == null) {
            throw new XmlException("no root element", null);
        }
        return root;
    }
}
