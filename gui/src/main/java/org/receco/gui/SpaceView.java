package org.receco.gui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.core.RecEcoModel;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemStore;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.UserStore;
import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * The latent space as MASON fields for the display: users, live items, authors and the trails of tracked
 * users, each a {@link Continuous2D} of {@value #SIZE} × {@value #SIZE} holding wrapper objects at their
 * {@link LatentProjection} positions. {@link #reset} fits the projection to the users and authors at round 0
 * and places everyone; {@link #update} follows each round (users move, items appear and retire). Both run on
 * the model thread under the schedule lock, as MASON's displays expect.
 */
final class SpaceView {
    static final double SIZE = 100;
    /** Users given a trail at the start of a run: one per topic, up to this many. */
    static final int DEFAULT_TRAILS = 6;

    final Continuous2D users = new Continuous2D(4, SIZE, SIZE);
    final Continuous2D items = new Continuous2D(4, SIZE, SIZE);
    final Continuous2D authors = new Continuous2D(4, SIZE, SIZE);
    final Continuous2D trails = new Continuous2D(4, SIZE, SIZE);

    private final RecEcoModel model;
    private LatentProjection projection;
    private UserAgent[] userAgents = new UserAgent[0];
    private int[] userTopic = new int[0];
    private AuthorAgent[] authorAgents = new AuthorAgent[0];
    private final Map<Integer, ItemAgent> liveItems = new HashMap<>();
    private final Map<Integer, Trail> tracked = new LinkedHashMap<>();

    SpaceView(RecEcoModel model) {
        this.model = model;
    }

    RecEcoModel model() {
        return model;
    }

    LatentProjection projection() {
        return projection;
    }

    /** A tracked user's path: its projected positions, one per round since tracking began. */
    static final class Trail {
        final int user;
        final List<Double2D> points = new ArrayList<>();

        Trail(int user) {
            this.user = user;
        }
    }

    /** Fits the projection and places every agent; call after the model started. */
    void reset() {
        users.clear();
        items.clear();
        authors.clear();
        trails.clear();
        liveItems.clear();
        tracked.clear();
        userAgents = new UserAgent[0];
        authorAgents = new AuthorAgent[0];
        UserStore u = model.world().users();
        AuthorStore a = model.world().authors();
        projection = LatentProjection.fit(u.dims(), SIZE, new float[][] {u.prefs(), a.vectors()},
                new int[] {u.count(), a.count()});
        update();
        int[] seen = new int[model.world().space().topics()];
        Arrays.fill(seen, -1);
        for (int i = 0; i < u.count() && tracked.size() < Math.min(DEFAULT_TRAILS, seen.length); i++) {
            int t = u.topic(i);
            if (seen[t] < 0) {
                seen[t] = i;
                track(i, true);
            }
        }
    }

    /** Moves users to their current interests, adds newly published items, removes retired ones. */
    void update() {
        if (projection == null) {
            return;
        }
        UserStore u = model.world().users();
        LatentSpace space = model.world().space();
        int d = u.dims();
        if (userAgents.length < u.count()) {
            int from = userAgents.length;
            userAgents = Arrays.copyOf(userAgents, u.count());
            userTopic = Arrays.copyOf(userTopic, u.count());
            for (int i = from; i < u.count(); i++) {
                userAgents[i] = new UserAgent(this, i);
            }
        }
        float[] prefs = u.prefs();
        for (int i = 0; i < u.count(); i++) {
            userTopic[i] = space.nearestTopic(prefs, i * d);
            users.setObjectLocation(userAgents[i], projection.project(prefs, i * d));
        }
        AuthorStore a = model.world().authors();
        if (authorAgents.length < a.count()) {
            int from = authorAgents.length;
            authorAgents = Arrays.copyOf(authorAgents, a.count());
            for (int i = from; i < a.count(); i++) {
                authorAgents[i] = new AuthorAgent(this, i);
                authors.setObjectLocation(authorAgents[i], projection.project(a.vectors(), i * d));
            }
        }
        ItemStore it = model.world().items();
        for (Iterator<Map.Entry<Integer, ItemAgent>> e = liveItems.entrySet().iterator(); e.hasNext(); ) {
            Map.Entry<Integer, ItemAgent> entry = e.next();
            if (!it.isLive(entry.getKey())) {
                items.remove(entry.getValue());
                e.remove();
            }
        }
        for (int j = 0; j < it.liveCount(); j++) {
            int i = it.liveItem(j);
            if (!liveItems.containsKey(i)) {
                ItemAgent agent = new ItemAgent(this, i, it.topic(i));
                liveItems.put(i, agent);
                items.setObjectLocation(agent, projection.project(it.vectors(), i * d));
            }
        }
        for (Trail t : tracked.values()) {
            Double2D p = users.getObjectLocation(userAgents[t.user]);
            if (t.points.isEmpty() || !t.points.get(t.points.size() - 1).equals(p)) {
                t.points.add(p);
            }
            trails.setObjectLocation(t, p);
        }
    }

    /** The display's wrapper of {@code user}, or null when the user is not shown (yet). */
    UserAgent userAgent(int user) {
        return user >= 0 && user < userAgents.length ? userAgents[user] : null;
    }

    /** The users whose trails are drawn, in the order tracking began. */
    List<Integer> trackedUsers() {
        synchronized (model.schedule) {
            return List.copyOf(tracked.keySet());
        }
    }

    int userTopic(int user) {
        return user < userTopic.length ? userTopic[user] : model.world().users().topic(user);
    }

    boolean isTracked(int user) {
        synchronized (model.schedule) {
            return tracked.containsKey(user);
        }
    }

    /** Starts or stops drawing {@code user}'s trail. */
    void track(int user, boolean on) {
        synchronized (model.schedule) {
            if (on && !tracked.containsKey(user) && user < userAgents.length) {
                Trail t = new Trail(user);
                tracked.put(user, t);
                Double2D p = users.getObjectLocation(userAgents[user]);
                if (p != null) {
                    t.points.add(p);
                    trails.setObjectLocation(t, p);
                }
            } else if (!on) {
                Trail t = tracked.remove(user);
                if (t != null) {
                    trails.remove(t);
                }
            }
        }
    }

    int liveItemCount() {
        return liveItems.size();
    }
}
