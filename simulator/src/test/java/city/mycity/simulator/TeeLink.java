package city.mycity.simulator;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.SenmlPack;
import city.mycity.simulator.transport.DeviceLink;
import java.util.concurrent.CompletionStage;

/** Records every message, then hands it to the real link. */
public final class TeeLink implements DeviceLink {

    private final RecordingLink recorder = new RecordingLink();
    private final DeviceLink link;

    public TeeLink(DeviceLink link) {
        this.link = link;
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
        recorder.send(tenant, sensor, payload);
        return link.send(tenant, sensor, payload);
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
        recorder.send(tenant, sensor, payload);
        return link.send(tenant, sensor, payload, pack);
    }

    @Override
    public boolean packsGateways() {
        return link.packsGateways();
    }

    public RecordingLink recorder() {
        return recorder;
    }
}
