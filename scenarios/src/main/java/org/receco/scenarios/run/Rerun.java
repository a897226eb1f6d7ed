package org.receco.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.receco.core.RunManifest;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/**
 * Plays a recorded run again ({@code receco run --from RUN_DIR}): reads what the run recorded (its
 * {@code manifest.json}, or the database's {@code run_manifest} row when the file is missing) and loads the
 * recorded resolved scenario, every value as it ran, so a default changed since cannot change the replay. The
 * replay keeps the original's scenario text, overrides and hash, so its database has the original's digest.
 */
public final class Rerun {
    private Rerun() {
    }

    /** A run directory that cannot be replayed, and why (the CLI's exit code 2). */
    public static final class NotReplayable extends Exception {
        private static final long serialVersionUID = 1L;

        NotReplayable(String message) {
            super(message);
        }
    }

    /**
     * What {@code runDir} recorded about its scenario: from {@code manifest.json}, else from the database.
     *
     * @throws NotReplayable when neither is there or readable
     */
    public static RunManifest recorded(Path runDir) throws NotReplayable {
        Path json = runDir.resolve("manifest.json");
        if (Files.isRegularFile(json)) {
            try {
                return RunManifest.read(json);
            } catch (IOException e) {
                throw new NotReplayable(json + ": cannot read the manifest: " + e.getMessage());
            }
        }
        if (!Files.exists(RunDatabase.file(runDir))) {
            throw new NotReplayable(runDir + ": not a run directory (no manifest.json, no "
                    + RunDatabase.FILE_NAME + ")");
        }
        try (Connection c = RunDatabase.open(runDir);
             PreparedStatement ps = c.prepareStatement("SELECT scenario_name, scenario_file, scenario_sha256, "
                     + "scenario_text, seed, rounds_planned, overrides, resolved_scenario FROM run_manifest "
                     + "WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotReplayable(RunDatabase.file(runDir) + ": the run_manifest table is empty");
            }
            return new RunManifest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    rs.getInt(6), 0, 0, null, null, null, null, null, null, null,
                    RunManifest.overridesFromJson(rs.getString(7)), rs.getString(8), null);
        } catch (SQLException | IOException e) {
            throw new NotReplayable(RunDatabase.file(runDir) + ": cannot read the run manifest: " + e.getMessage());
        }
    }

    /**
     * The scenario {@code runDir} ran, ready to run again: the recorded resolved scenario, with the original's
     * file name, text and overrides for the manifest. A run recorded before resolved scenarios were recorded is
     * replayed from its text when its hash shows it had no overrides.
     *
     * @throws NotReplayable when the run did not record enough to tell what ran
     * @throws org.receco.scenarios.ScenarioException when the recorded scenario no longer loads
     */
    public static LoadedScenario load(Path runDir, ScenarioLoader loader) throws NotReplayable {
        RunManifest m = recorded(runDir);
        if (m.scenarioText() == null) {
            throw new NotReplayable(runDir + ": the run recorded no scenario");
        }
        List<String> overrides = m.overrides() == null ? List.of() : m.overrides();
        if (m.resolvedScenario() == null) {
            if (m.overrides() != null || !ScenarioLoader.sha256(m.scenarioText(), List.of())
                    .equals(m.scenarioSha256())) {
                throw new NotReplayable(runDir + ": the run predates recorded overrides and resolved scenarios, "
                        + "and its scenario hash shows it had overrides; it cannot be replayed exactly");
            }
            return loader.load(m.scenarioFile() == null ? m.scenarioName() : m.scenarioFile(), m.scenarioText(),
                    List.of());
        }
        LoadedScenario resolved = loader.load(runDir.resolve("manifest.json") + " (resolvedScenario)",
                m.resolvedScenario(), List.of());
        return new LoadedScenario(resolved.scenario(), m.scenarioFile(), m.scenarioText(), overrides);
    }
}
