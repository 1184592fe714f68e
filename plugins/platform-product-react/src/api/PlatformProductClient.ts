import { PlatformProductAdoptionClient } from '../adoption/AdoptionClient';
import { PlatformProductAnnouncementsClient } from '../announcements/AnnouncementsClient';
import { PlatformProductFeedbackClient } from '../feedback/FeedbackClient';
import { PlatformProductRoadmapClient } from '../roadmap/RoadmapClient';
import { PlatformProductScorecardsClient } from '../scorecards/ScorecardsClient';
import { PlatformProductClientOptions } from '../shared/BackendRequests';
import { PlatformProductApi } from './PlatformProductApi';

/**
 * Talks to the `platform-product` backend plugin: one client per capability
 * (adoption, feedback, announcements, roadmap, scorecards), each call handed to its capability's.
 * Requests go through the `fetchApi`, so the signed-in user's credentials are
 * attached.
 *
 * @public
 */
export class PlatformProductClient implements PlatformProductApi {
  private readonly adoption: PlatformProductAdoptionClient;
  private readonly feedback: PlatformProductFeedbackClient;
  private readonly announcements: PlatformProductAnnouncementsClient;
  private readonly roadmap: PlatformProductRoadmapClient;
  private readonly scorecards: PlatformProductScorecardsClient;

  constructor(options: PlatformProductClientOptions) {
    this.adoption = new PlatformProductAdoptionClient(options);
    this.feedback = new PlatformProductFeedbackClient(options);
    this.announcements = new PlatformProductAnnouncementsClient(options);
    this.roadmap = new PlatformProductRoadmapClient(options);
    this.scorecards = new PlatformProductScorecardsClient(options);
  }

  // adoption

  readonly getAdoption: PlatformProductApi['getAdoption'] = productRef =>
    this.adoption.getAdoption(productRef);

  // feedback

  readonly createFeedback: PlatformProductApi['createFeedback'] = request =>
    this.feedback.createFeedback(request);

  readonly listFeedback: PlatformProductApi['listFeedback'] = options =>
    this.feedback.listFeedback(options);

  readonly getFeedback: PlatformProductApi['getFeedback'] = id =>
    this.feedback.getFeedback(id);

  readonly updateFeedback: PlatformProductApi['updateFeedback'] = (
    id,
    change,
  ) => this.feedback.updateFeedback(id, change);

  readonly replyToFeedback: PlatformProductApi['replyToFeedback'] = (
    id,
    body,
  ) => this.feedback.replyToFeedback(id, body);

  readonly voteOnFeedback: PlatformProductApi['voteOnFeedback'] = (id, vote) =>
    this.feedback.voteOnFeedback(id, vote);

  readonly getFeedbackStats: PlatformProductApi['getFeedbackStats'] = (
    productRef,
    options,
  ) => this.feedback.getFeedbackStats(productRef, options);

  readonly exportFeedback: PlatformProductApi['exportFeedback'] = productRef =>
    this.feedback.exportFeedback(productRef);

  // announcements

  readonly createAnnouncement: PlatformProductApi['createAnnouncement'] =
    request => this.announcements.createAnnouncement(request);

  readonly listAnnouncements: PlatformProductApi['listAnnouncements'] =
    options => this.announcements.listAnnouncements(options);

  readonly getAnnouncement: PlatformProductApi['getAnnouncement'] = id =>
    this.announcements.getAnnouncement(id);

  readonly updateAnnouncement: PlatformProductApi['updateAnnouncement'] = (
    id,
    change,
  ) => this.announcements.updateAnnouncement(id, change);

  readonly deleteAnnouncement: PlatformProductApi['deleteAnnouncement'] = id =>
    this.announcements.deleteAnnouncement(id);

  readonly markAnnouncementRead: PlatformProductApi['markAnnouncementRead'] =
    id => this.announcements.markAnnouncementRead(id);

  readonly acknowledgeAnnouncement: PlatformProductApi['acknowledgeAnnouncement'] =
    id => this.announcements.acknowledgeAnnouncement(id);

  readonly getAnnouncementReach: PlatformProductApi['getAnnouncementReach'] =
    id => this.announcements.getAnnouncementReach(id);

  readonly getProductFollow: PlatformProductApi['getProductFollow'] =
    productRef => this.announcements.getProductFollow(productRef);

  readonly followProduct: PlatformProductApi['followProduct'] = (
    productRef,
    follow,
  ) => this.announcements.followProduct(productRef, follow);

  readonly getAnnouncementBanners: PlatformProductApi['getAnnouncementBanners'] =
    productRef => this.announcements.getAnnouncementBanners(productRef);

  readonly dismissAnnouncement: PlatformProductApi['dismissAnnouncement'] =
    id => this.announcements.dismissAnnouncement(id);

  readonly getAnnouncementEventCalendar: PlatformProductApi['getAnnouncementEventCalendar'] =
    id => this.announcements.getAnnouncementEventCalendar(id);

  readonly getAnnouncementFeedUrl: PlatformProductApi['getAnnouncementFeedUrl'] =
    productRef => this.announcements.getAnnouncementFeedUrl(productRef);

  // roadmap

  readonly getRoadmap: PlatformProductApi['getRoadmap'] = productRef =>
    this.roadmap.getRoadmap(productRef);

  readonly createRoadmapItem: PlatformProductApi['createRoadmapItem'] =
    request => this.roadmap.createRoadmapItem(request);

  readonly updateRoadmapItem: PlatformProductApi['updateRoadmapItem'] = (
    id,
    change,
  ) => this.roadmap.updateRoadmapItem(id, change);

  readonly deleteRoadmapItem: PlatformProductApi['deleteRoadmapItem'] = id =>
    this.roadmap.deleteRoadmapItem(id);

  readonly linkRoadmapFeedback: PlatformProductApi['linkRoadmapFeedback'] = (
    id,
    feedbackId,
  ) => this.roadmap.linkRoadmapFeedback(id, feedbackId);

  readonly unlinkRoadmapFeedback: PlatformProductApi['unlinkRoadmapFeedback'] =
    (id, feedbackId) => this.roadmap.unlinkRoadmapFeedback(id, feedbackId);

  readonly getRoadmapItemHistory: PlatformProductApi['getRoadmapItemHistory'] =
    id => this.roadmap.getRoadmapItemHistory(id);

  // scorecards

  readonly getScorecard: PlatformProductApi['getScorecard'] = productRef =>
    this.scorecards.getScorecard(productRef);

  readonly getScorecardHistory: PlatformProductApi['getScorecardHistory'] = (
    productRef,
    options,
  ) => this.scorecards.getScorecardHistory(productRef, options);

  readonly refreshScorecard: PlatformProductApi['refreshScorecard'] =
    productRef => this.scorecards.refreshScorecard(productRef);

  readonly getPortfolio: PlatformProductApi['getPortfolio'] = options =>
    this.scorecards.getPortfolio(options);

  readonly exportPortfolio: PlatformProductApi['exportPortfolio'] = options =>
    this.scorecards.exportPortfolio(options);
}
