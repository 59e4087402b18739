package dev.ncsdk.appstore.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The parts of an app's {@code appinfo/info.xml} a release pipeline needs. Values are as written, trimmed;
 * absent values are {@code null} (name, summary, bounds) or empty (licences).
 *
 * @param id the {@code <id>}
 * @param version the {@code <version>}
 * @param name the English (or first, untranslated) {@code <name>}
 * @param summary the English (or first, untranslated) {@code <summary>}
 * @param licences the {@code <licence>} (or {@code <license>}) values
 * @param nextcloudMin {@code <dependencies><nextcloud min-version>}
 * @param nextcloudMax {@code <dependencies><nextcloud max-version>}
 * @param phpMin {@code <dependencies><php min-version>}
 * @param phpMax {@code <dependencies><php max-version>}
 * @since 0.1.0
 */
public record AppInfo(
        String id,
        String version,
        String name,
        String summary,
        List<String> licences,
        String nextcloudMin,
        String nextcloudMax,
        String phpMin,
        String phpMax) {

    /**
     * Copies the licence list.
     *
     * @param id the id
     * @param version the version
     * @param name the name
     * @param summary the summary
     * @param licences the licences
     * @param nextcloudMin the Nextcloud minimum
     * @param nextcloudMax the Nextcloud maximum
     * @param phpMin the PHP minimum
     * @param phpMax the PHP maximum
     */
    public AppInfo {
        licences = licences == null ? List.of() : List.copyOf(licences);
    }

    /**
     * Parses {@code info.xml} securely: no DTD, no entities, no external resources, no XInclude.
     *
     * @param xml the file's bytes
     * @return the values
     * @throws IllegalArgumentException when the bytes are not well-formed XML with an {@code <info>} root
     */
    public static AppInfo parse(byte[] xml) {
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException | RuntimeException e) {
            // RuntimeException: the JDK's parser throws some (odd encodings) unchecked
            throw new IllegalArgumentException("info.xml is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (root == null || !"info".equals(root.getTagName())) {
            throw new IllegalArgumentException("info.xml's root element is not <info>");
        }
        List<String> licences = new ArrayList<>();
        for (Element e : children(root)) {
            if (e.getTagName().equals("licence") || e.getTagName().equals("license")) {
                String t = e.getTextContent().trim();
                if (!t.isEmpty()) {
                    licences.add(t);
                }
            }
        }
        Element deps = child(root, "dependencies").orElse(null);
        Element nc = deps == null ? null : child(deps, "nextcloud").orElse(null);
        Element php = deps == null ? null : child(deps, "php").orElse(null);
        return new AppInfo(
                text(root, "id"),
                text(root, "version"),
                translated(root, "name"),
                translated(root, "summary"),
                licences,
                attr(nc, "min-version"),
                attr(nc, "max-version"),
                attr(php, "min-version"),
                attr(php, "max-version"));
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be secured", e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent).stream()
                .filter(e -> e.getTagName().equals(name))
                .findFirst();
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).orElse(null);
    }

    private static String translated(Element parent, String name) {
        String first = null;
        for (Element e : children(parent)) {
            if (!e.getTagName().equals(name)) {
                continue;
            }
            String lang = e.getAttribute("lang");
            String t = e.getTextContent().trim();
            if (lang.isEmpty() || lang.equals("en")) {
                return t;
            }
            if (first == null) {
                first = t;
            }
        }
        return first;
    }

    private static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name).trim();
    }
}
