package city.mycity.geo.open311;

import java.util.Map;

/**
 * A problem report as it arrives, checked: the service, where, what, and, apart, who (only if they chose to say) and
 * their photo (already stripped of its metadata).
 *
 * @param contact who reported it, or null when anonymous
 * @param photo the photo, or null
 */
public record NewRequest(
        Service service,
        double latitude,
        double longitude,
        String address,
        String description,
        Map<String, String> attributes,
        Contact contact,
        Photos.Photo photo) {

    /** Who reported a problem, as they chose to tell: personal data, stored apart and deleted after a while. */
    public record Contact(
            String email, String firstName, String lastName, String phone, String deviceId, String accountId) {

        public boolean isEmpty() {
            return email == null
                    && firstName == null
                    && lastName == null
                    && phone == null
                    && deviceId == null
                    && accountId == null;
        }
    }
}
