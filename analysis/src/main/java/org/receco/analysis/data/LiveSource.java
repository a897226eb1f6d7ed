package org.receco.analysis.data;

import org.receco.core.round.RoundState;
import org.receco.core.spi.RoundView;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemStore;
import org.receco.core.world.Populations;
import org.receco.core.world.UserStore;
import org.receco.core.world.World;

/**
 * Fills {@link RoundData} from a live run in the observe phase. It records exactly what the run database
 * records (item attributes as first seen at the end of their publication round, clicks in slate-position
 * order, users' topic of origin), so metrics computed from it equal those computed by {@link DbSource}. Every
 * {@link Need} is available live.
 */
public final class LiveSource {
    private int itemsSeen;
    private int authorsSeen;
    private int usersSeen;
    private int attacksSeen;
    private int[] order = new int[16];

    /** Copies round {@code view.round()} into {@code d} and derives it. */
    public void fill(RoundView view, RoundData d) {
        World w = view.world();
        RoundState st = view.state();
        int users = st.users();
        d.beginRound(view.round(), users);
        ItemStore items = w.items();
        for (int i = itemsSeen; i < items.count(); i++) {
            d.setItem(i, items.author(i), items.topic(i), items.createdRound(i), items.quality(i));
        }
        itemsSeen = items.count();
        AuthorStore authors = w.authors();
        for (int a = authorsSeen; a < authors.count(); a++) {
            d.setAuthor(a, authors.topic(a));
        }
        authorsSeen = authors.count();
        d.setAuthorCount(authors.count());
        UserStore us = w.users();
        for (int u = usersSeen; u < us.count(); u++) {
            d.setUser(u, us.topic(u), us.population(u), w.populations().isFake(us.population(u)));
        }
        for (int a = attacksSeen; a < w.attacks().count(); a++) {
            d.addAttack(w.attacks().all().get(a));
        }
        attacksSeen = w.attacks().count();
        Populations populations = w.populations();
        for (int p = d.populationCount(); p < populations.count(); p++) {
            d.setPopulation(p, populations.name(p));
        }
        usersSeen = us.count();
        int live = items.liveCount();
        int[] ids = liveIds(items, live);
        d.setLive(ids, live);

        byte[] channels = st.channels();
        int cap = st.slateCapacity();
        for (int u = 0; u < users; u++) {
            if (d.sampledOut(u)) {
                continue; // outside metrics.userShare: its slate and clicks are never read
            }
            int len = st.slateLength(u);
            for (int p = 0; p < len; p++) {
                d.addImpression(u, st.slateItem(u, p), channels[u * cap + p]);
            }
            int c = st.clickCount(u);
            sortByPosition(st, u, c);
            for (int k = 0; k < c; k++) {
                int x = order[k];
                d.addClick(u, st.clickItem(u, x), st.clickPosition(u, x), st.clickLiked(u, x), st.clickUtility(u, x));
            }
        }
        int n = us.count();
        int dims = d.dims();
        System.arraycopy(us.prefs(), 0, d.userVectorBuffer(n), 0, n * dims);
        System.arraycopy(us.previousPrefs(), 0, d.previousUserVectorBuffer(n), 0, n * dims);
        System.arraycopy(us.initialPrefs(), 0, d.initialUserVectorBuffer(n), 0, n * dims);
        float[] iv = d.itemVectorBuffer(items.count());
        float[] src = items.vectors();
        for (int j = 0; j < live; j++) {
            int i = ids[j];
            System.arraycopy(src, i * dims, iv, i * dims, dims);
        }
        for (Need need : Need.values()) {
            d.provide(need);
        }
        d.derive();
    }

    private int[] liveBuf = new int[0];

    private int[] liveIds(ItemStore items, int n) {
        if (liveBuf.length < n) {
            liveBuf = new int[Math.max(n, liveBuf.length * 3 / 2)];
        }
        for (int j = 0; j < n; j++) {
            liveBuf[j] = items.liveItem(j);
        }
        return liveBuf;
    }

    /** Fills {@code order[0..c)} with user {@code u}'s click indices sorted by slate position (insertion sort). */
    private void sortByPosition(RoundState st, int u, int c) {
        if (order.length < c) {
            order = new int[Math.max(c, order.length * 2)];
        }
        for (int k = 0; k < c; k++) {
            int pos = st.clickPosition(u, k);
            int j = k - 1;
            while (j >= 0 && st.clickPosition(u, order[j]) > pos) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
    }
}
