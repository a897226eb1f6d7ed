package org.receco.gui;

import java.util.ArrayList;
import java.util.List;
import org.receco.agents.users.SimulineUserModel;
import org.receco.agents.users.llm.LlmUserModel;
import org.receco.agents.users.llm.Persona;
import org.receco.core.RecEcoModel;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemStore;
import org.receco.core.world.UserStore;

/**
 * A user as the display and its inspector see it: read-only getters over the model's user store, user model
 * and round state (MASON's inspectors show each getter as a property), plus the user's current slate as table
 * rows. Reads happen while the model is paused between rounds or under the schedule lock.
 */
public final class UserAgent {
    private final SpaceView view;
    private final int id;

    UserAgent(SpaceView view, int id) {
        this.view = view;
        this.id = id;
    }

    int id() {
        return id;
    }

    private RecEcoModel m() {
        return view.model();
    }

    public int getId() {
        return id;
    }

    public int getTopicNow() {
        return view.userTopic(id);
    }

    public String desTopicNow() {
        return "The topic whose centre is nearest to the user's interests now (the display's colour).";
    }

    public int getTopicAtStart() {
        return m().world().users().topic(id);
    }

    public int getJoinedRound() {
        return m().world().users().joinedRound(id);
    }

    public int getPopulation() {
        return m().world().users().population(id);
    }

    private SimulineUserModel simuline() {
        UserChoiceModel model = m().userModel(getPopulation());
        return model instanceof SimulineUserModel s ? s : null;
    }

    public double getLikeThreshold() {
        SimulineUserModel s = simuline();
        return s == null ? Double.NaN : s.threshold(id);
    }

    public double getQualityWeight() {
        SimulineUserModel s = simuline();
        return s == null ? Double.NaN : s.qualityWeight(id);
    }

    public double getConcentration() {
        SimulineUserModel s = simuline();
        return s == null ? Double.NaN : s.concentration(id);
    }

    private LlmUserModel llm() {
        UserChoiceModel model = m().userModel(getPopulation());
        return model instanceof LlmUserModel l ? l : null;
    }

    /** Whether this user's decisions come from a language model (its persona and last exchange are shown). */
    boolean isLlm() {
        LlmUserModel l = llm();
        return l != null && l.persona(id) != null;
    }

    public String desPersona() {
        return "The LLM user's persona as its system prompt states it: taste, rating tendency, activity, "
                + "conformity and diversity (Agent4Rec's traits).";
    }

    /** The persona's prompt lines joined by " | " (the text pane below shows them in full); "" for others. */
    public String getPersona() {
        return isLlm() ? llm().persona(id).describe().replace("\n", " | ") : "";
    }

    public boolean hidePersona() {
        return !isLlm();
    }

    public String desLastPrompt() {
        return "The latest page prompt this LLM user was given (the text pane below shows it in full).";
    }

    /** The latest page prompt, "" before the first or for a user without a language model. */
    public String getLastPrompt() {
        String[] x = isLlm() ? llm().lastExchange(id) : null;
        return x == null ? "" : x[0];
    }

    public boolean hideLastPrompt() {
        return !isLlm();
    }

    public String desLastAnswer() {
        return "The decision the latest prompt got (JSON: per item fits, click, rating, reason; then NEXT or EXIT); "
                + "a fallback decision when the model gave none.";
    }

    /** The decision the latest prompt got, "" before the first or for a user without a language model. */
    public String getLastAnswer() {
        String[] x = isLlm() ? llm().lastExchange(id) : null;
        return x == null ? "" : x[1];
    }

    public boolean hideLastAnswer() {
        return !isLlm();
    }

    /** The persona, latest prompt and answer in full, for the inspector's text pane; null for other users. */
    String llmText() {
        if (!isLlm()) {
            return null;
        }
        Persona p = llm().persona(id);
        String[] x = llm().lastExchange(id);
        return "Persona\n" + p.describe() + "\n\nLast prompt\n" + (x == null ? "(none yet)" : x[0])
                + "\n\nLast answer\n" + (x == null ? "(none yet)" : x[1]) + "\n";
    }

    /** ‖u_t − u_{t−1}‖: how far the latest round moved this user's interests. */
    public double getInterestShift() {
        UserStore u = m().world().users();
        return distance(u.prefs(), u.previousPrefs(), id * u.dims(), u.dims());
    }

    /** ‖u_t − u_join‖. */
    public double getDriftSinceJoin() {
        UserStore u = m().world().users();
        return distance(u.prefs(), u.initialPrefs(), id * u.dims(), u.dims());
    }

    private static double distance(float[] a, float[] b, int off, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double x = a[off + k] - b[off + k];
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private RoundState state() {
        RoundState s = m().state();
        return s == null || id >= s.users() ? null : s;
    }

    public int getSlateLength() {
        RoundState s = state();
        return s == null ? 0 : s.slateLength(id);
    }

    public int getClicks() {
        RoundState s = state();
        return s == null ? 0 : s.clickCount(id);
    }

    public int getLikes() {
        RoundState s = state();
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (int c = 0; c < s.clickCount(id); c++) {
            n += s.clickLiked(id, c) ? 1 : 0;
        }
        return n;
    }

    public String desLastClicks() {
        return "The items this user clicked in the latest round, in click order; (liked) marks a like.";
    }

    /** The latest round's clicks in click order, as "item 1909 (liked), 1328, 113 (liked)"; "none" without. */
    public String getLastClicks() {
        RoundState s = state();
        if (s == null || s.clickCount(id) == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder(s.clickCount(id) == 1 ? "item " : "items ");
        for (int c = 0; c < s.clickCount(id); c++) {
            sb.append(c == 0 ? "" : ", ").append(s.clickItem(id, c)).append(s.clickLiked(id, c) ? " (liked)" : "");
        }
        return sb.toString();
    }

    /** Whether the display draws this user's trail through the latent space. */
    public boolean getTrail() {
        return view.isTracked(id);
    }

    public void setTrail(boolean on) {
        view.track(id, on);
    }

    public String desTrail() {
        return "Draw this user's path through the (projected) latent space from now on.";
    }

    /** Column names of {@link #slateRows()}. */
    static final String[] SLATE_COLUMNS = {"pos", "item", "channel", "author", "topic", "score", "cosine",
        "quality", "clicked", "liked"};

    /**
     * The user's latest slate, one row per position: item, channel, its author and topic, the recommender's
     * score for it now (after the round's training, if any), the true cosine with the user's interests,
     * quality, and whether it was clicked and liked.
     */
    List<Object[]> slateRows() {
        List<Object[]> rows = new ArrayList<>();
        RecEcoModel m = m();
        RoundState s = state();
        if (s == null) {
            return rows;
        }
        ItemStore items = m.world().items();
        int len = s.slateLength(id);
        float[] scores = scores(m);
        int d = items.dims();
        float[] prefs = m.world().users().prefs();
        for (int p = 0; p < len; p++) {
            int item = s.slateItem(id, p);
            int clicked = -1;
            for (int c = 0; c < s.clickCount(id); c++) {
                if (s.clickPosition(id, c) == p) {
                    clicked = c;
                }
            }
            int j = items.liveIndexOf(item);
            float score = scores == null || j < 0 ? Float.NaN : scores[j];
            float cos = Vec.cosine(prefs, id * d, items.vectors(), item * d, d);
            rows.add(new Object[] {p, item, RoundState.CHANNEL_NAMES[s.channels()[id * s.slateCapacity() + p]],
                items.author(item), items.topic(item), round4(score), round4(cos), round4(items.quality(item)),
                clicked >= 0, clicked >= 0 && s.clickLiked(id, clicked)});
        }
        return rows;
    }

    /** The recommender's scores of every live item for this user, or null when it cannot score now. */
    private float[] scores(RecEcoModel m) {
        int n = m.world().items().liveCount();
        if (n == 0 || m.recommender() == null) {
            return null;
        }
        try {
            float[] out = new float[n];
            m.recommender().score(id, id + 1, out, n, new WorkerScratch(0));
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object round4(double v) {
        return Double.isNaN(v) ? "" : Math.round(v * 1e4) / 1e4;
    }

    @Override
    public String toString() {
        return "User " + id;
    }
}
