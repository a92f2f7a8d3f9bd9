package dev.regtrain.api;

import java.io.IOException;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A request refused before its body was read for being too slow (408) or over its client's share (429) is answered
 * and its connection closed, instead of Tomcat reading ("swallowing") the rest of the body to keep the connection: a
 * client trickling its body would otherwise hold the request thread for as long as it trickles. Other refusals keep
 * Tomcat's default, which lets a well-behaved client read its answer before the connection goes.
 */
class UnreadBodiesValve extends ValveBase {

    UnreadBodiesValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        int status = response.getStatus();
        if ((status == 408 || status == 429) && !request.getCoyoteRequest().isFinished()) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
