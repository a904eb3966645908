package org.cove.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.NodeScripts;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ocean's own client library drives a compute job on Cove (src/test/js/ocean-compute-check.mjs):
 * environments, initializeCompute, freeComputeStart, computeStatus with a token, the result URL and
 * its download, and computeStop on a second job.
 */
class OceanJsComputeIT {

  private final CoveClient cove = new CoveClient();

  @TempDir Path temp;

  @Test
  void ocean_js_runs_a_job_reads_its_result_and_stops_another() throws Exception {
    String environment =
        ComputeClient.environment(cove, "it-ocean-js", ComputeClient.testEnvironment(10, 60));
    TestWallet consumer = TestWallet.random();
    String consumerToken = cove.signIn(consumer);
    String publisherToken = cove.signIn(TestWallet.random());
    String data = cove.upload(publisherToken, "data.csv", "a\n1\n2\n".getBytes(UTF_8));
    JsonObject service = Ddos.computeServiceTrusting(data, consumer.address());
    String dataset =
        cove.publish(publisherToken, Ddos.dataset("For ocean.js", service)).getString("id");
    String algorithm =
        algorithm(
            consumerToken,
            "import json, os\n"
                + "params = json.load(open(os.path.join(os.environ['INPUTS'], 'algoCustomData.json')))\n"
                + "open(os.path.join(os.environ['OUTPUTS'], 'greeting.txt'), 'w')"
                + ".write(params['greeting'])\n");
    String slow =
        algorithm(consumerToken, "import time\nprint('working', flush=True)\ntime.sleep(600)\n");

    JsonObject summary =
        NodeScripts.run(
            "ocean-compute-check.mjs",
            Map.of(
                "OCEAN_NODE_URI", cove.baseUrl() + "/api/services",
                "OCEAN_PRIVATE_KEY", consumer.privateKeyHex(),
                "DATASET_DID", dataset,
                "ALGORITHM_DID", algorithm,
                "SLOW_ALGORITHM_DID", slow,
                "ENVIRONMENT", environment),
            temp);

    assertThat(summary.getString("oceanJs")).isEqualTo("8.6.2");
    assertThat(summary.getInt("status")).isEqualTo(70);
    assertThat(summary.getString("output")).isEqualTo("hello from ocean.js");
    assertThat(summary.getJsonObject("stopped").getInt("status")).isEqualTo(44);
  }

  private String algorithm(String token, String script) {
    String code = cove.upload(token, "algorithm.py", script.getBytes(UTF_8));
    JsonObject ddo = Ddos.algorithm("For ocean.js", Ddos.service("compute", "compute", code));
    JsonObject metadata = ddo.getJsonObject("metadata");
    JsonObject withParameter =
        Json.createObjectBuilder(metadata.getJsonObject("algorithm"))
            .add(
                "consumerParameters",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "greeting")
                            .add("type", "text")
                            .add("label", "Greeting")
                            .add("required", false)
                            .add("description", "what to write")
                            .add("default", "hi")))
            .build();
    return cove.publish(
            token,
            Json.createObjectBuilder(ddo)
                .add("metadata", Json.createObjectBuilder(metadata).add("algorithm", withParameter))
                .build())
        .getString("id");
  }
}
