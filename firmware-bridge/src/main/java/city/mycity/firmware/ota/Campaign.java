package city.mycity.firmware.ota;

import city.mycity.reading.Identifiers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One firmware image rolled out to a set of devices, and where each device stands: pending, downloading, verified,
 * applied or failed (and then downloading again). Only the moves a device can make are taken ({@link
 * CampaignState#next()}); an applied device stays applied. Thread-safe.
 */
public final class Campaign {

    /** A device's state, its last failure and how many downloads it started. */
    public record Progress(CampaignState state, String detail, int attempts) {}

    private final String id;
    private final FirmwareImage image;
    private final FirmwareManifest manifest;
    private final Map<String, Progress> devices = new ConcurrentHashMap<>();
    private final List<CampaignListener> listeners = new CopyOnWriteArrayList<>();

    public Campaign(String id, FirmwareImage image, FirmwareManifest manifest, Collection<String> devices) {
        this.id = Identifiers.check("campaign", id);
        this.image = image;
        this.manifest = manifest;
        for (String device : devices) {
            this.devices.put(Identifiers.check("device", device), new Progress(CampaignState.PENDING, null, 0));
        }
    }

    public String id() {
        return id;
    }

    public FirmwareManifest manifest() {
        return manifest;
    }

    /** The image as the campaign serves it. */
    public byte[] image() {
        return image.bytes();
    }

    public void addListener(CampaignListener listener) {
        listeners.add(listener);
    }

    /** Whether {@code device} takes part. */
    public boolean includes(String device) {
        return devices.containsKey(device);
    }

    public Optional<Progress> progress(String device) {
        return Optional.ofNullable(devices.get(device));
    }

    /** Every device's state now. */
    public Map<String, Progress> progress() {
        return Map.copyOf(devices);
    }

    /**
     * Moves {@code device} to {@code state}; tells the listeners when it changed.
     *
     * @return false when the device is not in the campaign or cannot make that move (it stays where it is)
     */
    public boolean move(String device, CampaignState state, String detail) {
        Progress[] moved = new Progress[1];
        devices.computeIfPresent(device, (d, now) -> {
            if (!now.state().next().contains(state)) {
                return now;
            }
            int attempts = now.attempts() + (state == CampaignState.DOWNLOADING ? 1 : 0);
            moved[0] = new Progress(state, state == CampaignState.FAILED ? detail : null, attempts);
            return moved[0];
        });
        if (moved[0] == null) {
            return false;
        }
        listeners.forEach(listener -> listener.changed(this, device, state, moved[0].detail()));
        return true;
    }
}
