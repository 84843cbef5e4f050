package org.convlab.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, on the login page and over HTTP Basic alike (docs/decisions/012).
 * Failed sign-ins are counted three ways: per account from one client address (someone guessing one
 * password), per address (someone trying many accounts) and per account from anywhere (guessing
 * spread over many machines). After a few failures in a row the next try must wait, and the wait
 * doubles with every further failure up to a cap. While a wait lasts even the right password is
 * refused, with a message that says when to try again.
 *
 * <p>A stranger must not be able to lock a learner out: the long waits fall on the stranger's own
 * address; the wait that every address shares for an account comes late and lasts at most a
 * minute. A class behind one school router shares an address, so one learner's mischief there must
 * not lock out the others: an account that has signed in from an address before is known there, and
 * neither the address's wait nor the account's shared wait applies to it (only its own count from
 * that address does).
 *
 * <p>Counts live in memory only (bounded, forgotten {@link #FORGET_AFTER} after the last failure):
 * a restart forgives everyone. A right password clears its account's counts, not its address's,
 * or a learner could clear their address by signing into their own account between guesses.
 */
@Component
public class LoginThrottle {

    static final Limit ACCOUNT_FROM_ADDRESS = new Limit(5, Duration.ofSeconds(15), Duration.ofMinutes(15));
    static final Limit ADDRESS = new Limit(20, Duration.ofSeconds(30), Duration.ofMinutes(15));
    static final Limit ACCOUNT = new Limit(20, Duration.ofSeconds(15), Duration.ofMinutes(1));
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    static final int MAX_TRACKED = 10_000;
    /** Usernames are at most 32 characters; longer input is cut, so a key stays small. */
    private static final int MAX_KEY = 64;

    /** {@code free} failures in a row are allowed; then a wait of {@code first}, doubling up to {@code max}. */
    record Limit(int free, Duration first, Duration max) {

        Duration waitAfter(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free, 20);
            Duration wait = first.multipliedBy(1L << doublings);
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    private record Failures(int count, Instant last) {}

    private volatile Clock clock = Clock.systemUTC();
    private final Cache<String, Failures> accounts = newStore();
    private final Cache<String, Failures> addresses = newStore();
    private final Cache<String, Failures> accountsFromAddresses = newStore();
    /** Account and address pairs that signed in with the right password (kept a week in memory). */
    private final Cache<String, Boolean> knownPairs = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED)
            .expireAfterWrite(Duration.ofDays(7))
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();

    private Cache<String, Failures> newStore() {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterWrite(FORGET_AFTER)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** How long this account, from this address, must still wait; empty when it may try now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        String account = accountKey(username);
        boolean known = address != null && knownPairs.getIfPresent(pairKey(account, address)) != null;
        Duration wait = known ? Duration.ZERO : remaining(accounts, account, ACCOUNT, now);
        if (address != null) {
            wait = longer(wait, longer(known ? Duration.ZERO : remaining(addresses, address, ADDRESS, now),
                    remaining(accountsFromAddresses, pairKey(account, address), ACCOUNT_FROM_ADDRESS, now)));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        String account = accountKey(username);
        count(accounts, account, now);
        if (address != null) {
            count(addresses, address, now);
            count(accountsFromAddresses, pairKey(account, address), now);
        }
    }

    /**
     * The right password: its account starts afresh, from this address. A stranger's count against
     * the account from elsewhere stays, and so does this address's own count.
     */
    public void succeeded(String username, String address) {
        String account = accountKey(username);
        accounts.invalidate(account);
        if (address != null) {
            accountsFromAddresses.invalidate(pairKey(account, address));
            knownPairs.put(pairKey(account, address), Boolean.TRUE);
        }
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    /** For tests: a clock they can move forward instead of waiting. */
    void useClock(Clock clock) {
        this.clock = clock;
        accounts.invalidateAll();
        addresses.invalidateAll();
        accountsFromAddresses.invalidateAll();
        knownPairs.invalidateAll();
    }

    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private static String accountKey(String username) {
        String name = AccountRules.normalizeUsername(username);
        return name.length() > MAX_KEY ? name.substring(0, MAX_KEY) : name;
    }

    private static String pairKey(String account, String address) {
        return account + "\n" + address;
    }

    private static void count(Cache<String, Failures> store, String key, Instant now) {
        store.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    private static Duration remaining(Cache<String, Failures> store, String key, Limit limit, Instant now) {
        Failures failures = store.getIfPresent(key);
        if (failures == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(limit.waitAfter(failures.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The password check, refused while a wait lasts. Wraps Spring Security's own provider; failures
     * and successes reach the throttle as Spring Security's authentication events.
     */
    static AuthenticationProvider guarding(AuthenticationProvider passwords, LoginThrottle throttle) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                Optional<Duration> wait = throttle.waitFor(authentication.getName(), addressOf(authentication));
                if (wait.isPresent()) {
                    throw new TooManyAttemptsException(wait.get());
                }
                return passwords.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }
}
