package city.mycity.bench;

/** How the simulated devices' messages travel to the platform. */
public enum MessageForm {
    /** Each gateway gathers its devices' messages into SenML gateway packs on {@code mycity/v1/{tenant}/{gateway}/up}. */
    PACKS("packs", "gateway packs"),
    /** Every device message alone on {@code mycity/v1/{tenant}/{gateway}/{device}/up}. */
    DEVICES("devices", "one message per device");

    private final String code;
    private final String label;

    MessageForm(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The name on the command line: {@code packs} or {@code devices}. */
    public String code() {
        return code;
    }

    /** The name in the report. */
    public String label() {
        return label;
    }
}
