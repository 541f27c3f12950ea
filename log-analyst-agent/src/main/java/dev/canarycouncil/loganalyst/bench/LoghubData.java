package dev.canarycouncil.loganalyst.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the LogHub-2k benchmark: {@code settings.json} and each system's {@code *_2k.log_structured.csv}. */
public final class LoghubData {

    private LoghubData() {}

    /** Every system listed in {@code settings.json} whose files are present, in the file's order. */
    public static List<LoghubSystem> load(Path dir) throws IOException {
        Path settingsFile = dir.resolve("settings.json");
        if (!Files.isRegularFile(settingsFile)) {
            throw new IOException(dir + " is not a LogHub-2k directory: settings.json is missing");
        }
        JsonNode settings = Json.mapper().readTree(settingsFile.toFile());
        List<LoghubSystem> systems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Path csv = dir.resolve(name).resolve(name + "_2k.log_structured.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<String> masks = new ArrayList<>();
            entry.getValue().path("mask_regex").forEach(m -> masks.add(m.asText()));
            List<String> contents = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            try (Reader reader = Files.newBufferedReader(csv);
                    MappingIterator<Map<String, String>> rows =
                            new CsvMapper().readerFor(Map.class).with(schema).readValues(reader)) {
                while (rows.hasNext()) {
                    Map<String, String> row = rows.next();
                    contents.add(row.get("Content"));
                    ids.add(row.get("EventId"));
                }
            }
            systems.add(new LoghubSystem(
                    name,
                    contents,
                    ids,
                    masks,
                    entry.getValue().path("similarity_threshold").asDouble(0.5),
                    entry.getValue().path("depth").asInt(4)));
        }
        if (systems.isEmpty()) {
            throw new IOException("no system of " + settingsFile + " has its _structured.csv in " + dir);
        }
        return systems;
    }
}
