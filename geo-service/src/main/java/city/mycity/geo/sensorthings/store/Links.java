package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.entity.EntityType;

/**
 * The service root as the client reached it (e.g. {@code http://city.example/sta/v1.1}), and the links built on it.
 *
 * @param root the service root, without a trailing slash
 * @param nextLink the request's URL with {@code $skip} and {@code $top} replaced, for the next page
 */
public record Links(String root, NextLink nextLink) {

    /** Builds the link to the next page of the request's collection. */
    @FunctionalInterface
    public interface NextLink {
        String after(int skip, int top);
    }

    String self(EntityType type, long id) {
        return root + "/" + type.plural() + "(" + id + ")";
    }
}
