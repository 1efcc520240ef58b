package dev.crosslink.sitemap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Validates a document against the sitemaps.org 0.9 schema and reads its locs. */
final class SitemapSchema {

    private SitemapSchema() {
    }

    /** Throws when the document breaks the schema; returns the text of every loc, in order. */
    static List<String> validLocs(byte[] xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(SitemapSchema.class.getResource("/sitemap/sitemap-0.9.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory builder = DocumentBuilderFactory.newInstance();
        builder.setNamespaceAware(true);
        Document document = builder.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        List<String> locs = new ArrayList<>();
        var nodes = document.getElementsByTagNameNS(SitemapWriter.NAMESPACE, "loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(((Element) nodes.item(i)).getTextContent());
        }
        return locs;
    }

    static String root(byte[] xml) throws Exception {
        DocumentBuilderFactory builder = DocumentBuilderFactory.newInstance();
        builder.setNamespaceAware(true);
        return builder.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement().getLocalName();
    }
}
