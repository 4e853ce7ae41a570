package city.mycity.firmware.ota;

/**
 * A firmware image for one model of sensor.
 *
 * @param model the sensor model it runs on, e.g. {@code ultrasonic-bin-v2}
 * @param version its version, e.g. {@code 2.4.1}
 * @param bytes the image
 */
public record FirmwareImage(String model, String version, byte[] bytes) {

    public FirmwareImage {
        if (model == null || model.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("A firmware image needs a model and a version.");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
