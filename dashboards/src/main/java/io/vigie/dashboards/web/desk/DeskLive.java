package io.vigie.dashboards.web.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.vigie.model.MentionResponse;
import io.vigie.model.VigieJson;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desk's live channel ({@code GET /desk/live}, server-sent events): every response change this instance
 * reads from {@code mention.responses}, as event {@code response}. A page that reconnects reloads the queue
 * ({@code /api/desk}), so nothing is replayed here.
 */
public final class DeskLive {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = VigieJson.newMapper();

    public void open(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{}");
    }

    public void changed(MentionResponse response) {
        String body;
        try {
            body = json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent("response", body);
            }
        }
    }
}
