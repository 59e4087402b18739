package dev.ncsdk.appapi.app.files;

/**
 * Answers in the shapes Nextcloud's WebDAV server (sabre/dav under {@code apps/dav}) sends. The multistatus bodies
 * follow the PROPFIND example and the property table of the Nextcloud developer manual
 * ({@code nextcloud/documentation developer_manual/client_apis/WebDAV/basic.rst}): prefixes {@code d}, {@code oc},
 * {@code nc}, {@code s}; ETags quoted with {@code &quot;}; a folder's {@code <d:resourcetype><d:collection/>}; the
 * properties a node lacks (a folder's content length and type) in a second propstat with status 404, as
 * sabre/dav's {@code PropFind::getResultForMultiStatus} groups them. The error body is sabre/dav's
 * {@code Server::on('exception')} document ({@code <d:error>} with {@code <s:exception>} and {@code <s:message>}).
 */
final class DavFixtures {
    private DavFixtures() {}

    static final String LISTING = """
            <?xml version="1.0"?>
            <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
             <d:response>
              <d:href>/remote.php/dav/files/alice/Documents/</d:href>
              <d:propstat>
               <d:prop>
                <d:getlastmodified>Wed, 20 Jul 2022 05:12:23 GMT</d:getlastmodified>
                <d:getetag>&quot;62d78f97c1d3e&quot;</d:getetag>
                <d:resourcetype><d:collection/></d:resourcetype>
                <oc:fileid>7</oc:fileid>
                <oc:permissions>RGDNVCK</oc:permissions>
                <oc:size>3030246</oc:size>
                <oc:favorite>0</oc:favorite>
               </d:prop>
               <d:status>HTTP/1.1 200 OK</d:status>
              </d:propstat>
              <d:propstat>
               <d:prop>
                <d:getcontenttype/>
                <d:getcontentlength/>
               </d:prop>
               <d:status>HTTP/1.1 404 Not Found</d:status>
              </d:propstat>
             </d:response>
             <d:response>
              <d:href>/remote.php/dav/files/alice/Documents/Example%20%231.md</d:href>
              <d:propstat>
               <d:prop>
                <d:getlastmodified>Thu, 21 Jul 2022 06:00:01 GMT</d:getlastmodified>
                <d:getetag>&quot;8a9b5a2c41e6c1c0f0f1f4f24d6d1e55&quot;</d:getetag>
                <d:getcontenttype>text/markdown</d:getcontenttype>
                <d:resourcetype/>
                <d:getcontentlength>9</d:getcontentlength>
                <oc:fileid>171</oc:fileid>
                <oc:permissions>RGDNVW</oc:permissions>
                <oc:size>9</oc:size>
                <oc:favorite>1</oc:favorite>
               </d:prop>
               <d:status>HTTP/1.1 200 OK</d:status>
              </d:propstat>
             </d:response>
             <d:response>
              <d:href>/remote.php/dav/files/alice/Documents/Gr%C3%BC%C3%9Fe/</d:href>
              <d:propstat>
               <d:prop>
                <d:getlastmodified>Fri, 22 Jul 2022 07:30:00 GMT</d:getlastmodified>
                <d:getetag>&quot;62da5b38a2b1f&quot;</d:getetag>
                <d:resourcetype><d:collection/></d:resourcetype>
                <oc:fileid>172</oc:fileid>
                <oc:permissions>SRGDNVCK</oc:permissions>
                <oc:size>3030237</oc:size>
                <oc:favorite>0</oc:favorite>
               </d:prop>
               <d:status>HTTP/1.1 200 OK</d:status>
              </d:propstat>
              <d:propstat>
               <d:prop>
                <d:getcontenttype/>
                <d:getcontentlength/>
               </d:prop>
               <d:status>HTTP/1.1 404 Not Found</d:status>
              </d:propstat>
             </d:response>
            </d:multistatus>
            """;

    static final String STAT_FILE = """
            <?xml version="1.0"?>
            <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
             <d:response>
              <d:href>/remote.php/dav/files/alice/Documents/Example%20%231.md</d:href>
              <d:propstat>
               <d:prop>
                <d:getlastmodified>Thu, 21 Jul 2022 06:00:01 GMT</d:getlastmodified>
                <d:getetag>&quot;8a9b5a2c41e6c1c0f0f1f4f24d6d1e55&quot;</d:getetag>
                <d:getcontenttype>text/markdown</d:getcontenttype>
                <d:resourcetype/>
                <d:getcontentlength>9</d:getcontentlength>
                <oc:fileid>171</oc:fileid>
                <oc:permissions>RGDNVW</oc:permissions>
                <oc:size>9</oc:size>
                <oc:favorite>1</oc:favorite>
               </d:prop>
               <d:status>HTTP/1.1 200 OK</d:status>
              </d:propstat>
             </d:response>
            </d:multistatus>
            """;

    /** A SEARCH answer: hrefs are below {@code /remote.php/dav/files/<user>} (FileSearchBackend::getHrefForNode). */
    static final String SEARCH_HIT = STAT_FILE;

    static final String SEARCH_EMPTY = """
            <?xml version="1.0"?>
            <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns"/>
            """;

    static String error(String exception, String message) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<d:error xmlns:d=\"DAV:\" xmlns:s=\"http://sabredav.org/ns\">\n"
                + "  <s:exception>" + exception + "</s:exception>\n"
                + "  <s:message>" + message + "</s:message>\n"
                + "</d:error>\n";
    }
}
