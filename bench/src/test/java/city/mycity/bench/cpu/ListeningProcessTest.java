package city.mycity.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningProcessTest {

    @Test
    void takes_the_inode_of_a_listening_socket_on_the_port() {
        String listening = "   3: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0"
                + " 123456 1 0000000000000000 100 0 0 10 0";
        String connected = "   4: 0100007F:1F90 0100007F:D2A4 01 00000000:00000000 00:00000000 00000000     0        0"
                + " 654321 1 0000000000000000 20 4 30 10 -1";

        assertThat(ListeningProcess.inodeIfListening(listening, 8080)).hasValue("123456");
        assertThat(ListeningProcess.inodeIfListening(listening, 8081)).isEmpty();
        assertThat(ListeningProcess.inodeIfListening(connected, 8080)).isEmpty();
    }

    @Test
    void finds_this_process_behind_a_port_it_listens_on() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningProcess.of(socket.getLocalPort()))
                    .hasValue(ProcessHandle.current().pid());
        }
    }
}
