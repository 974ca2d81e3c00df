import { trainingsService } from '../domain/trainings/trainings-service.js';
import type { TrainingsUnitOfWork } from '../domain/trainings/trainings-ports.js';
import type { UrlPolicy } from '../domain/urls/stored-url.js';
import { trainingQueue } from '../notifications/training-queue.js';
import type { Db } from '../storage/db.js';
import { audienceDirectory, peopleRepo } from '../storage/repos/people.js';
import { trainingStore } from '../storage/repos/training-store.js';

/** Sessions and the send queue in one transaction: a change and the notices it causes are stored together, or not at all. */
export function trainingsUnitOfWork(db: Db): TrainingsUnitOfWork {
  return { transaction: (work) => db.transaction((tx) => work({ store: trainingStore(tx), notices: trainingQueue(tx) })) };
}

/** The trainings rules bound to this database (its people are the directory an audience is checked against). */
export function trainingsServiceFor(db: Db, options: { urlPolicy: UrlPolicy; now?: () => Date }) {
  return trainingsService({
    sessions: trainingsUnitOfWork(db),
    audiences: audienceDirectory(peopleRepo(db)),
    urlPolicy: options.urlPolicy,
    now: options.now ?? (() => new Date()),
  });
}
