package org.receco.core.world;

import java.util.List;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.LinearScores;
import org.receco.core.spi.UserChoiceModel;

/**
 * The world's utility function when users belong to several populations, each with its own user model:
 * every call is answered by the model of the user's population; block calls are split into runs of users
 * of one population so each model's blocked kernel still applies.
 */
public final class PopulationUtility implements UtilityFunction, LinearScores {
    private final UserStore users;
    private final List<UserChoiceModel> populations;

    public PopulationUtility(UserStore users, List<UserChoiceModel> populations) {
        this.users = users;
        this.populations = populations;
    }

    @Override
    public float utility(int user, int item) {
        return populations.get(users.population(user)).utility(user, item);
    }

    @Override
    public void utilityOfLive(int fromUser, int toUser, ItemCatalog live, float[] out, int outOff, int stride,
                              WorkerScratch scratch) {
        int start = fromUser;
        while (start < toUser) {
            int pop = users.population(start);
            int end = start + 1;
            while (end < toUser && users.population(end) == pop) {
                end++;
            }
            populations.get(pop).utilityOfLive(start, end, live, out, outOff + (start - fromUser) * stride, stride,
                    scratch);
            start = end;
        }
    }

    /** Linear when every population's model is. */
    @Override
    public boolean linear() {
        for (UserChoiceModel m : populations) {
            if (!(m instanceof LinearScores l && l.linear())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void weights(int user, float[] out, int off) {
        ((LinearScores) populations.get(users.population(user))).weights(user, out, off);
    }
}
