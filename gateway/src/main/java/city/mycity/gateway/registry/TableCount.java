package city.mycity.gateway.registry;

/**
 * What registration did to one table.
 *
 * @param registered the rows the city model has for it
 * @param changed the rows inserted or updated now (0 when the registry already matched the model)
 */
public record TableCount(int registered, int changed) {

    @Override
    public String toString() {
        return registered + (changed == registered ? "" : " (" + changed + " changed)");
    }
}
