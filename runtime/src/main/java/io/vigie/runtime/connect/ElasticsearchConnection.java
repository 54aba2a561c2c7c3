package io.vigie.runtime.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * How to reach an Elasticsearch cluster: its URL and, in production, an API key or basic credentials and the
 * CA certificate that signed its HTTPS certificate.
 *
 * @param apiKey the encoded API key (the "encoded" value Elasticsearch returns), or null
 * @param caCertificate PEM file of the CA to trust for HTTPS, or null to use the JDK's trust store
 */
public record ElasticsearchConnection(URI url, String apiKey, String username, String password, Path caCertificate) {

    public ElasticsearchConnection {
        if (url == null) {
            throw new IllegalArgumentException("elasticsearch url is required");
        }
        if (apiKey != null && username != null) {
            throw new IllegalArgumentException("elasticsearch: give an api key or a username, not both");
        }
    }

    public static ElasticsearchConnection open(URI url) {
        return new ElasticsearchConnection(url, null, null, null, null);
    }

    /** A new client; close its transport ({@code client._transport().close()}) when done. */
    public ElasticsearchClient newClient() {
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), port(), url.getScheme()));
        Header auth = authorization();
        if (auth != null) {
            builder.setDefaultHeaders(new Header[] {auth});
        }
        if (caCertificate != null) {
            SSLContext ssl = sslContextTrusting(caCertificate);
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
        }
        RestClientTransport transport =
                new RestClientTransport(builder.build(), new JacksonJsonpMapper(VigieJson.newMapper()));
        return new ElasticsearchClient(transport);
    }

    private int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 9200;
    }

    private Header authorization() {
        if (apiKey != null) {
            return new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + apiKey);
        }
        if (username != null) {
            String pair = username + ":" + (password == null ? "" : password);
            return new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static SSLContext sslContextTrusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("elasticsearch.caCertificate " + pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("elasticsearch.caCertificate " + pem + " cannot be read: " + e.getMessage(), e);
        }
    }
}
