package city.mycity.gateway.http;

import city.mycity.gateway.exception.InvalidInputException;
import io.vertx.ext.web.RoutingContext;

/** The query parameters the operators' API shares, read in one way. */
public final class QueryParams {

    private QueryParams() {}

    /** The page size asked for ({@code limit}), {@code byDefault} when absent; 1 to {@code max}, else refused. */
    public static int limit(RoutingContext ctx, int byDefault, int max) {
        String text = ctx.request().getParam("limit");
        if (text == null) {
            return byDefault;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("limit", "The limit is a whole number, 1 to " + max + ".");
    }
}
