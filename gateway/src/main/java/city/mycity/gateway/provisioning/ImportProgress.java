package city.mycity.gateway.provisioning;

/** Told how far a long import has gone, after each batch of rows. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> {};

    void rows(int done, int total);
}
