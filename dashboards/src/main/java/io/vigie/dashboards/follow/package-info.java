/**
 * Following topics whose whole content every dashboards instance keeps in memory (responses, reply templates,
 * incidents, silences, answers to actions): one group-less consumer per follower, committed records only.
 */
package io.vigie.dashboards.follow;
