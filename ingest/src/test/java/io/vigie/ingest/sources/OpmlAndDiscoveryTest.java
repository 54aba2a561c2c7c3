package io.vigie.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlAndDiscoveryTest {
    @Test
    void everyOutlineWithAFeedUrlIsImportedWithItsFolder() {
        String opml = """
                <?xml version="1.0"?><opml version="2.0"><head><title>Veille</title></head><body>
                <outline text="Vélo" title="Vélo">
                  <outline type="rss" text="Le blog du cycliste" xmlUrl="https://cycliste.example/feed/" htmlUrl="https://cycliste.example/"/>
                  <outline type="rss" title="Forum" xmlurl="https://forum.example/rss"/>
                </outline>
                <outline type="rss" text="Dup" xmlUrl="https://cycliste.example/feed/"/>
                <outline text="no feed here"/>
                </body></opml>""";
        List<OpmlImport.OpmlFeed> feeds = OpmlImport.read(opml);
        assertEquals(2, feeds.size());
        assertEquals(new OpmlImport.OpmlFeed("Le blog du cycliste", "https://cycliste.example/feed/", "Vélo"), feeds.get(0));
        assertEquals("https://forum.example/rss", feeds.get(1).url());
    }

    @Test
    void aPageAnnouncesItsFeedsWithCommentFeedsLast() {
        String html = """
                <html><head>
                <link rel="alternate" type="application/rss+xml" title="Comments Feed" href="/comments/feed/">
                <link rel="alternate" type="application/rss+xml" title="Blog » Feed" href="/feed/">
                <link rel="stylesheet" href="/s.css">
                <link rel="alternate" type="application/atom+xml" href="https://blog.example/atom.xml">
                </head></html>""";
        List<FeedDiscovery.Discovered> found = FeedDiscovery.discover(html, "https://blog.example/post/1");
        assertEquals(List.of("https://blog.example/feed/", "https://blog.example/atom.xml", "https://blog.example/comments/feed/"),
                found.stream().map(FeedDiscovery.Discovered::url).toList());
    }
}
