package org.sparkgd.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.UserError;
import org.sparkgd.data.Standardization;
import org.sparkgd.model.LinearModel;

class ModelJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LinearModel model = new LinearModel("y", List.of("a", "b", "c"),
      new Standardization(new double[] {0.1, 1e6, 7}, new double[] {1 / 3.0, Math.PI, 0},
          Math.E, 0.7),
      new double[] {1e-17, 0.123456789012345678, -2.0 / 3, 0.7});

  private ObjectNode written() throws Exception {
    // Through the text, as a file would be.
    String text = JSON.writeValueAsString(ModelJson.model(model));
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void rebuildsTheModelExactly() throws Exception {
    LinearModel read = ModelJson.fromJson(written(), "model.json").model();
    assertEquals(model.label(), read.label());
    assertEquals(model.features(), read.features());
    assertArrayEquals(model.theta(), read.theta(), 0);
    Standardization s = read.standardization();
    assertArrayEquals(model.standardization().featureMeans(), s.featureMeans(), 0);
    assertArrayEquals(model.standardization().featureStds(), s.featureStds(), 0);
    assertEquals(Math.E, s.labelMean(), 0);
    assertEquals(0.7, s.labelStd(), 0);
    double[] x = {0.3, 1e6 + 0.5, 7};
    assertEquals(model.predict(x), read.predict(x), 0);
  }

  @Test
  void readsAFitsOutputFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("model.json"), written().toString());
    Files.createFile(dir.resolve("_SUCCESS"));
    LinearModel read = ModelJson.read(new Configuration(), dir.toString()).model();
    assertArrayEquals(model.theta(), read.theta(), 0);
  }

  @Test
  void aMissingOrBrokenModelIsAOneLineUserError(@TempDir Path dir) throws Exception {
    UserError missing = assertThrows(UserError.class,
        () -> ModelJson.read(new Configuration(), dir.toString()));
    assertTrue(missing.getMessage().endsWith("model.json: no such file; give a fit's output "
        + "folder (it holds model.json)"), missing.getMessage());
    ObjectNode json = written();
    ((ObjectNode) json.get("standardization")).remove("label_std");
    UserError incomplete = assertThrows(UserError.class,
        () -> ModelJson.fromJson(json, "m.json"));
    assertEquals("m.json: not a sparkgd model: no 'label_std'", incomplete.getMessage());
    Files.writeString(dir.resolve("model.json"), "{\"label\": ");
    Files.createFile(dir.resolve("_SUCCESS"));
    UserError broken = assertThrows(UserError.class,
        () -> ModelJson.read(new Configuration(), dir.toString()));
    assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
  }
}
