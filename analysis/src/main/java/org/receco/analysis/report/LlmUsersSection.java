package org.receco.analysis.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's section on LLM-profiled users, for runs with a population of the {@code llm} user model: each
 * population's behaviour side by side in Agent4Rec's terms (Zhang et al., "On Generative Agents in Recommendation",
 * SIGIR 2024, §4: click rate per item viewed, likes, the rating distribution, pages viewed, the exit page) and the
 * topic entropy of each user's clicks; the LLM users' pages viewed by persona activity level (the trait Agent4Rec
 * ties to how much a user browses); and the run's LLM ledger, round by round.
 *
 * <p>Reads {@code populations}, {@code users}, {@code rounds}, {@code interactions}, {@code items}, {@code ratings},
 * {@code impressions} (only to count the slates latent users were shown), {@code llm_calls}, {@code llm_personas}
 * and the {@code llm.*} metrics. A latent user views its whole slate, so its click rate needs the slates
 * stored ({@code store.impressions}); with impressions sampled it is measured on the sampled users.
 */
public final class LlmUsersSection {
    /** The {@code populations.model} of LLM users. */
    public static final String LLM_MODEL = "llm";
    private static final String[] LEDGER = {"llm.calls", "llm.failures", "llm.fallbacks", "llm.tokens",
        "llm.latency_p50_ms", "llm.latency_p95_ms"};
    private static final String[] LEVELS = {"low", "medium", "high"};

    /** One population's figures; NaN where it has no such thing (a latent user has no pages). */
    public record PopulationFigures(String name, String model, int users, long userRounds, long clicks,
                                    double clickRate, double likeRate, double[] ratingShares, double meanRating,
                                    double pagesPerSession, double exitShare, double topicEntropy) {
    }

    /** LLM users of one persona activity level: sessions are (user, round) pairs with at least one page. */
    public record ActivityFigures(String activity, int users, long sessions, double pagesPerSession,
                                  double clickRate) {
    }

    private LlmUsersSection() {
    }

    /** Whether the run has an LLM population (and so gets this section). */
    public static boolean applies(Connection c) throws SQLException {
        if (!hasTable(c, "LLM_CALLS")) {
            return false;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM populations WHERE model = '" + LLM_MODEL + "'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /** Appends the section to {@code html} when the run has LLM users; {@code series} are the run's metrics. */
    public static void write(Connection c, Map<String, double[][]> series, StringBuilder html) throws SQLException {
        if (!applies(c)) {
            return;
        }
        List<PopulationFigures> pops = populations(c);
        html.append("<h2>LLM and latent users</h2>\n<p class=\"def\">Per population (fake accounts left out): click "
                + "rate = clicks per item viewed (an LLM user views the pages it asked for; a latent user its whole "
                + "slate, counted from the stored impressions), like rate = liked clicks per click, ratings as "
                + "shares of 1-5 stars, pages viewed per session (a user's round) and the share of sessions left "
                + "by choosing EXIT rather than running out of pages, topic entropy = mean over users of the "
                + "entropy (bits) of the topics of their clicks.</p>\n<table id=\"llm-populations\"><tr>"
                + "<th>population</th><th>model</th><th>users</th><th>clicks per user-round</th><th>click rate</th>"
                + "<th>like rate</th><th>mean rating</th><th>1★</th><th>2★</th><th>3★</th><th>4★</th><th>5★</th>"
                + "<th>pages per session</th><th>left by EXIT</th><th>topic entropy</th></tr>\n");
        for (PopulationFigures p : pops) {
            html.append("<tr data-population=\"").append(Html.esc(p.name())).append("\"><td>")
                    .append(Html.esc(p.name())).append("</td><td>").append(Html.esc(p.model())).append("</td>")
                    .append(cell("users", p.users()))
                    .append(cell("clicks-per-user-round", p.userRounds() == 0 ? Double.NaN
                            : (double) p.clicks() / p.userRounds()))
                    .append(cell("click-rate", p.clickRate())).append(cell("like-rate", p.likeRate()))
                    .append(cell("mean-rating", p.meanRating()));
            for (int r = 0; r < 5; r++) {
                html.append(cell("stars-" + (r + 1), p.ratingShares()[r]));
            }
            html.append(cell("pages", p.pagesPerSession())).append(cell("exit-share", p.exitShare()))
                    .append(cell("topic-entropy", p.topicEntropy())).append("</tr>\n");
        }
        html.append("</table>\n");

        List<ActivityFigures> act = activity(c);
        if (!act.isEmpty()) {
            html.append("<h3>Pages viewed by activity level</h3>\n<p class=\"def\">LLM users grouped by their "
                    + "persona's activity trait (llm_personas): a persona that browses more should view more pages."
                    + "</p>\n<table id=\"llm-activity\"><tr><th>activity</th><th>users</th><th>sessions</th>"
                    + "<th>pages per session</th><th>click rate</th></tr>\n");
            for (ActivityFigures a : act) {
                html.append("<tr data-activity=\"").append(a.activity()).append("\"><td>").append(a.activity())
                        .append("</td>").append(cell("users", a.users())).append(cell("sessions", a.sessions()))
                        .append(cell("pages", a.pagesPerSession())).append(cell("click-rate", a.clickRate()))
                        .append("</tr>\n");
            }
            html.append("</table>\n");
        }

        html.append("<h3>LLM ledger</h3>\n<table id=\"llm-ledger\"><tr><th>round</th>");
        for (String name : LEDGER) {
            html.append("<th>").append(Html.esc(name.substring(4))).append("</th>");
        }
        html.append("</tr>\n");
        double[][] calls = series.get(LEDGER[0]);
        // Counts add up over rounds; latency percentiles do not, so the total row leaves them blank.
        double[] total = new double[4];
        for (int k = 0; calls != null && k < calls[0].length; k++) {
            int round = (int) calls[0][k];
            html.append("<tr data-round=\"").append(round).append("\"><td>").append(round).append("</td>");
            for (int m = 0; m < LEDGER.length; m++) {
                double v = RunReader.valueAt(series.get(LEDGER[m]), round);
                if (m < total.length) {
                    total[m] += Double.isNaN(v) ? 0 : v;
                }
                html.append(cell(LEDGER[m].substring(4), v));
            }
            html.append("</tr>\n");
        }
        html.append("<tr data-round=\"total\"><td>total</td>");
        for (int m = 0; m < LEDGER.length; m++) {
            html.append(m < total.length ? cell(LEDGER[m].substring(4), total[m]) : "<td></td>");
        }
        html.append("</tr>\n</table>\n<p class=\"def\">calls: decision calls; failures: calls with a retry, repair "
                + "or fallback; fallbacks: calls decided by the fallback; tokens: prompt and completion; latency "
                + "percentiles in ms (wall clock, not part of the digest).</p>\n");
    }

    private static String cell(String key, double v) {
        return "<td data-key=\"" + key + "\">" + Html.num(v) + "</td>";
    }

    /** Every genuine population's figures, in population order. */
    public static List<PopulationFigures> populations(Connection c) throws SQLException {
        int lastRound = (int) scalar(c, "SELECT COALESCE(MAX(round), -1) FROM rounds");
        Map<Integer, String[]> names = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, name, model FROM populations ORDER BY id")) {
            while (rs.next()) {
                names.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        int userCount = (int) scalar(c, "SELECT COALESCE(MAX(id), -1) + 1 FROM users");
        int[] popOf = new int[userCount];
        java.util.Arrays.fill(popOf, -1);
        int n = names.isEmpty() ? 0 : java.util.Collections.max(names.keySet()) + 1;
        int[] users = new int[n];
        long[] userRounds = new long[n];
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, population, joined_round FROM users WHERE NOT fake")) {
            while (rs.next()) {
                int p = rs.getInt(2);
                popOf[rs.getInt(1)] = p;
                users[p]++;
                userRounds[p] += Math.max(0, lastRound - rs.getInt(3) + 1);
            }
        }
        long[] clicks = new long[n];
        long[] likes = new long[n];
        double[] entropySum = new double[n];
        int[] entropyUsers = new int[n];
        // One pass over clicks by user and topic, in user order: each user's topic counts end where the next begins.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.user_id, it.topic, COUNT(*), "
                + "SUM(CASE WHEN i.liked THEN 1 ELSE 0 END) FROM interactions i JOIN items it ON it.id = i.item "
                + "GROUP BY i.user_id, it.topic ORDER BY i.user_id")) {
            int user = -1;
            List<Long> counts = new ArrayList<>();
            while (true) {
                boolean more = rs.next();
                int u = more ? rs.getInt(1) : -2;
                if (u != user && user >= 0 && popOf[user] >= 0) {
                    entropySum[popOf[user]] += entropy(counts);
                    entropyUsers[popOf[user]]++;
                }
                if (!more) {
                    break;
                }
                if (u != user) {
                    counts.clear();
                    user = u;
                }
                counts.add(rs.getLong(3));
                if (popOf[u] >= 0) {
                    clicks[popOf[u]] += rs.getLong(3);
                    likes[popOf[u]] += rs.getLong(4);
                }
            }
        }
        long[][] stars = new long[n][5];
        if (hasTable(c, "RATINGS")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT user_id, rating, COUNT(*) FROM ratings GROUP BY user_id, rating")) {
                while (rs.next()) {
                    int p = popOf[rs.getInt(1)];
                    int r = rs.getInt(2);
                    if (p >= 0 && r >= 1 && r <= 5) {
                        stars[p][r - 1] += rs.getLong(3);
                    }
                }
            }
        }
        // Latent users view the whole slate: clicks per impression, among the (user, round)s whose slate is stored.
        long[] shown = new long[n];
        long[] shownClicks = new long[n];
        if (hasTable(c, "IMPRESSIONS")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT user_id, COUNT(*) FROM impressions GROUP BY user_id")) {
                while (rs.next()) {
                    int p = popOf[rs.getInt(1)];
                    if (p >= 0) {
                        shown[p] += rs.getLong(2);
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.user_id, COUNT(*) FROM "
                    + "interactions i WHERE EXISTS (SELECT 1 FROM impressions m WHERE m.round = i.round AND "
                    + "m.user_id = i.user_id AND m.position = i.position) GROUP BY i.user_id")) {
                while (rs.next()) {
                    int p = popOf[rs.getInt(1)];
                    if (p >= 0) {
                        shownClicks[p] += rs.getLong(2);
                    }
                }
            }
        }
        Map<Long, Session> sessions = sessions(c);
        long[] sessionCount = new long[n];
        long[] pages = new long[n];
        long[] exits = new long[n];
        long[] viewed = new long[n];
        long[] viewedClicks = new long[n];
        for (Session x : sessions.values()) {
            int p = popOf[x.user];
            if (p >= 0) {
                sessionCount[p]++;
                pages[p] += x.pages;
                exits[p] += x.exited ? 1 : 0;
                viewed[p] += x.items;
                viewedClicks[p] += x.clicks;
            }
        }
        List<PopulationFigures> out = new ArrayList<>();
        for (Map.Entry<Integer, String[]> e : names.entrySet()) {
            int p = e.getKey();
            if (users[p] == 0) {
                continue;
            }
            boolean llm = LLM_MODEL.equals(e.getValue()[1]);
            long rated = 0;
            double starSum = 0;
            for (int r = 0; r < 5; r++) {
                rated += stars[p][r];
                starSum += (r + 1) * stars[p][r];
            }
            double[] shares = new double[5];
            for (int r = 0; r < 5; r++) {
                shares[r] = rated == 0 ? Double.NaN : (double) stars[p][r] / rated;
            }
            double clickRate = llm ? ratio(viewedClicks[p], viewed[p]) : ratio(shownClicks[p], shown[p]);
            out.add(new PopulationFigures(e.getValue()[0], e.getValue()[1], users[p], userRounds[p], clicks[p],
                    clickRate, ratio(likes[p], clicks[p]), shares, rated == 0 ? Double.NaN : starSum / rated,
                    llm ? ratio(pages[p], sessionCount[p]) : Double.NaN,
                    llm ? ratio(exits[p], sessionCount[p]) : Double.NaN,
                    entropyUsers[p] == 0 ? Double.NaN : entropySum[p] / entropyUsers[p]));
        }
        return out;
    }

    /** The LLM users' sessions by persona activity level, low to high; empty without {@code llm_personas}. */
    public static List<ActivityFigures> activity(Connection c) throws SQLException {
        if (!hasTable(c, "LLM_PERSONAS")) {
            return List.of();
        }
        Map<Integer, String> level = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT user_id, activity FROM llm_personas")) {
            while (rs.next()) {
                level.put(rs.getInt(1), rs.getString(2));
            }
        }
        List<ActivityFigures> out = new ArrayList<>();
        Map<Long, Session> sessions = sessions(c);
        for (String l : LEVELS) {
            int users = 0;
            for (String v : level.values()) {
                users += l.equals(v) ? 1 : 0;
            }
            if (users == 0) {
                continue;
            }
            long n = 0;
            long pages = 0;
            long items = 0;
            long clicks = 0;
            for (Session x : sessions.values()) {
                if (l.equals(level.get(x.user))) {
                    n++;
                    pages += x.pages;
                    items += x.items;
                    clicks += x.clicks;
                }
            }
            out.add(new ActivityFigures(l, users, n, ratio(pages, n), ratio(clicks, items)));
        }
        return out;
    }

    /** A user's round of pages: how many, the items on them and clicked, and whether the last said EXIT. */
    private static final class Session {
        final int user;
        int pages;
        long items;
        long clicks;
        boolean exited;
        int lastPage;

        Session(int user) {
            this.user = user;
        }
    }

    /** Every (round, user) session of the run's page calls, keyed by round * 2^32 + user. */
    private static Map<Long, Session> sessions(Connection c) throws SQLException {
        Map<Long, Session> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT round, user_id, purpose, "
                + "decision FROM llm_calls WHERE purpose LIKE 'page-%'")) {
            while (rs.next()) {
                int user = rs.getInt(2);
                Session x = out.computeIfAbsent(((long) rs.getInt(1) << 32) | user, k -> new Session(user));
                int page = Integer.parseInt(rs.getString(3).substring("page-".length()));
                String d = rs.getString(4);
                x.pages++;
                x.items += occurrences(d, "\"click\"");
                x.clicks += occurrences(d, "\"click\":true");
                if (page > x.lastPage) {
                    x.lastPage = page;
                    x.exited = d.contains("\"next\":\"EXIT\"");
                }
            }
        }
        return out;
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /** Shannon entropy in bits of a distribution given by counts. */
    static double entropy(List<Long> counts) {
        double total = 0;
        for (long k : counts) {
            total += k;
        }
        double h = 0;
        for (long k : counts) {
            if (k > 0) {
                double q = k / total;
                h -= q * Math.log(q) / Math.log(2);
            }
        }
        return h;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet t = c.getMetaData().getTables(null, null, name, null)) {
            return t.next();
        }
    }
}
